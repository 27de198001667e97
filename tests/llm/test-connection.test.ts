import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockLlm, type MockLlm } from "@/e2e/mock-llm/server";
import { loadLlmSettings, resolveLlmSettings, testConnection, type LlmSettingsInput } from "@/lib/llm";
import { tempDatabase } from "@/tests/helpers/db";
import { TEST_API_KEY } from "./harness";

const settings = (mock: MockLlm, extra: Partial<LlmSettingsInput> = {}) =>
  resolveLlmSettings([{ provider: "custom", baseUrl: mock.baseUrl, apiKey: TEST_API_KEY, model: "mock-model", ...extra }]);

describe("test connection", () => {
  let mock: MockLlm;
  beforeAll(async () => {
    mock = await startMockLlm({ script: { models: ["mock-model", "other-model"] }, port: 0 });
  });
  afterAll(() => mock.close());

  it("lists the models and finds the configured one", async () => {
    const report = await testConnection(settings(mock));
    expect(report).toMatchObject({ ok: true, models: ["mock-model", "other-model"], modelFound: true, error: null });
    expect(report.warnings.some((w) => w.includes("no price is known"))).toBe(true);
  });

  it("warns when the model is not served", async () => {
    const report = await testConnection(settings(mock, { model: "gpt-9" }));
    expect(report.modelFound).toBe(false);
    expect(report.warnings[0]).toContain('model "gpt-9" is not among the 2 models');
  });

  it("warns when a vLLM-style server's max_model_len is smaller than the flow's prompts", async () => {
    mock.setScript({ models: ["mock-model"], contextWindow: 4096 });
    const report = await testConnection(settings(mock, { provider: "vllm" }));
    expect(report.contextWindow).toBe(4096);
    expect(report.contextSource).toBe("/v1/models max_model_len");
    expect(report.warnings.join("\n")).toMatch(/context window 4096 tokens .* smaller than/);
  });

  it("reads Ollama's num_ctx from /api/show, since its OpenAI endpoint ignores the request's", async () => {
    mock.setScript({ models: ["qwen2.5-coder:7b"], contextWindow: 2048 });
    const report = await testConnection(settings(mock, { provider: "ollama", model: "qwen2.5-coder:7b", apiKey: undefined }));
    expect(report).toMatchObject({ ok: true, contextWindow: 2048, contextSource: "Modelfile num_ctx" });
    expect(report.warnings.join("\n")).toContain("OLLAMA_CONTEXT_LENGTH");
  });

  it("reports an unreachable server as a failed check with the reason", async () => {
    const closed = await startMockLlm({ port: 0 });
    const baseUrl = closed.baseUrl;
    await closed.close();
    const report = await testConnection(resolveLlmSettings([{ provider: "custom", baseUrl, model: "m" }]), { timeoutMs: 2_000 });
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/connection to the provider failed/);
  });
});

describe("POST /api/llm/test-connection", () => {
  const database = tempDatabase();
  let mock: MockLlm;
  let POST: (request: Request) => Promise<Response>;
  beforeAll(async () => {
    process.env.DATABASE_URL = database.url;
    mock = await startMockLlm({ port: 0 });
    ({ POST } = await import("@/app/api/llm/test-connection/route"));
  });
  afterAll(async () => {
    await mock.close();
    await database.cleanup();
  });

  const post = (body: string) => POST(new Request("http://local/api/llm/test-connection", { method: "POST", body }));

  it("tests the stored settings and never echoes the key", async () => {
    await database.db.setting.createMany({
      data: [
        { key: "llm.provider", value: "custom" },
        { key: "llm.baseUrl", value: mock.baseUrl },
        { key: "llm.model", value: "mock-model" },
        { key: "llm.apiKey", value: TEST_API_KEY },
      ],
    });
    const response = await post("");
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ ok: true, modelFound: true, baseUrl: mock.baseUrl });
    expect(text).not.toContain(TEST_API_KEY);
  });

  it("layers environment < stored settings < overrides", async () => {
    const env = { OPENAI_API_KEY: "sk-env-key-123456", OPENAI_BASE_URL: "http://localhost:11434/v1", ALPHAFLOW_MODEL: "env-model" };
    const loaded = await loadLlmSettings(database.db, { env, overrides: { model: "override-model" } });
    expect(loaded).toMatchObject({ provider: "custom", baseUrl: mock.baseUrl, apiKey: TEST_API_KEY, model: "override-model" });
    await database.db.setting.deleteMany({ where: { key: { in: ["llm.provider", "llm.baseUrl", "llm.model"] } } });
    expect(await loadLlmSettings(database.db, { env })).toMatchObject({ provider: "ollama", model: "env-model", apiKey: TEST_API_KEY });
    await database.db.setting.createMany({
      data: [
        { key: "llm.provider", value: "custom" },
        { key: "llm.baseUrl", value: mock.baseUrl },
        { key: "llm.model", value: "mock-model" },
      ],
    });
  });

  it("tries unsaved overrides from the body", async () => {
    const response = await post(JSON.stringify({ model: "not-there" }));
    expect(await response.json()).toMatchObject({ ok: true, modelFound: false, model: "not-there" });
  });

  it("answers bad input with 400 and a clear error", async () => {
    const notJson = await post("{oops");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error).toMatch(/not valid JSON/);
    const unknown = await post(JSON.stringify({ provider: "acme", extra: 1 }));
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toMatch(/provider: .*Unrecognized key/s);
  });
});
