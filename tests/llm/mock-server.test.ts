import { spawn } from "node:child_process";
import path from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockLlm, type MockLlm } from "@/e2e/mock-llm/server";
import { createGateway, resolveLlmSettings } from "@/lib/llm";
import { tempDatabase } from "@/tests/helpers/db";

describe("the mock server on the wire", () => {
  let mock: MockLlm;
  beforeAll(async () => {
    mock = await startMockLlm({ script: { stages: { reflect: [{ content: "whole answer", reasoning: "why" }] } }, port: 0 });
  });
  afterAll(() => mock.close());

  it("answers non-streamed requests with usage", async () => {
    const client = new OpenAI({ baseURL: mock.baseUrl, apiKey: "k", maxRetries: 0 });
    const completion = await client.chat.completions.create(
      { model: "mock-model", messages: [{ role: "user", content: "hello" }] },
      { headers: { "X-Alphaflow-Stage": "reflect" } },
    );
    expect(completion.choices[0].message.content).toBe("whole answer");
    expect((completion.choices[0].message as unknown as { reasoning_content: string }).reasoning_content).toBe("why");
    expect(completion.usage?.prompt_tokens).toBe(mock.chatRequests()[0].usage?.prompt_tokens);
  });

  it("paces streamed chunks at the configured tokens per second", async () => {
    const paced = await startMockLlm({ script: { stages: { default: [{ content: "one two three four five six seven eight nine ten" }] } }, port: 0, tokensPerSecond: 50 });
    try {
      const client = new OpenAI({ baseURL: paced.baseUrl, apiKey: "k", maxRetries: 0 });
      const started = Date.now();
      const arrivals: number[] = [];
      const stream = await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "x" }], stream: true });
      for await (const chunk of stream) if (chunk.choices[0]?.delta.content) arrivals.push(Date.now() - started);
      expect(arrivals).toHaveLength(10);
      // 10 one-token words at 50 tokens/s: about 200 ms, spread out rather than in one burst.
      expect(arrivals[9] - arrivals[0]).toBeGreaterThanOrEqual(150);
    } finally {
      await paced.close();
    }
  });

  it("exposes its log and accepts a new script over HTTP for browser tests", async () => {
    const log = (await (await fetch(`${mock.url}/__mock/requests`)).json()) as { path: string }[];
    expect(log.some((r) => r.path === "/v1/chat/completions")).toBe(true);
    const bad = await fetch(`${mock.url}/__mock/script`, { method: "POST", body: "stages: [1, 2]" });
    expect(bad.status).toBe(400);
    const ok = await fetch(`${mock.url}/__mock/script`, { method: "POST", body: "models: [a, b]\n" });
    expect(ok.status).toBe(200);
    const models = (await (await fetch(`${mock.baseUrl}/models`)).json()) as { data: { id: string }[] };
    expect(models.data.map((m) => m.id)).toEqual(["a", "b"]);
    expect(mock.requests).toHaveLength(1);
  });

  it("rejects a request that is not a chat completion with a clear 400", async () => {
    const response = await fetch(`${mock.baseUrl}/chat/completions`, { method: "POST", body: JSON.stringify({ model: "m" }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/messages/);
  });
});

describe("the Azure preset", () => {
  it("routes to the deployment named by the model, with the api-version and the api-key header", async () => {
    const mock = await startMockLlm({ script: { stages: { reflect: [{ content: "from azure" }] } }, port: 0 });
    const database = tempDatabase();
    try {
      const settings = resolveLlmSettings([{ provider: "azure", baseUrl: mock.url, apiKey: "azure-key-0123456789", model: "my-gpt4o-deployment" }]);
      const result = await createGateway(settings, { db: database.db }).complete({
        stage: "reflect",
        messages: [{ role: "user", content: "hi" }],
      });
      expect(result.content).toBe("from azure");
      const [req] = mock.chatRequests();
      expect(req.path).toBe("/openai/deployments/my-gpt4o-deployment/chat/completions");
      expect(req.query).toBe("?api-version=2024-10-21");
      expect(req.headers["api-key"]).toBe("[present]");
      expect(req.stage).toBe("reflect");
    } finally {
      await mock.close();
      await database.cleanup();
    }
  });
});

describe("npm run mock-llm", () => {
  it("starts standalone from flags and serves the script file", async () => {
    const root = path.resolve(import.meta.dirname, "..", "..");
    const child = spawn(
      path.join(root, "node_modules", ".bin", "tsx"),
      ["e2e/mock-llm/main.ts", "--port", "0", "--script", "e2e/mock-llm/scripts/example.yaml"],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      const baseUrl = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (b: Buffer) => {
          out += b.toString();
          const m = out.match(/listening on (\S+)/);
          if (m) resolve(m[1]);
        });
        child.on("exit", (code) => reject(new Error(`mock-llm exited with ${code}`)));
      });
      const client = new OpenAI({ baseURL: baseUrl, apiKey: "k", maxRetries: 1 });
      const completion = await client.chat.completions.create(
        { model: "mock-model", messages: [{ role: "user", content: "sum" }] },
        { headers: { "X-Alphaflow-Stage": "reflect" } },
      );
      expect(completion.choices[0].message.content).toContain("self_reflection");
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("refuses a bad flag with a one-line reason", async () => {
    const root = path.resolve(import.meta.dirname, "..", "..");
    const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["e2e/mock-llm/main.ts", "--port", "abc"], { cwd: root });
    let err = "";
    child.stderr.on("data", (b: Buffer) => (err += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(err).toContain("--port must be a non-negative number");
  });
});
