import { describe, expect, it } from "vitest";
import { inferProvider } from "./providers";
import { DEFAULT_MODEL, LlmSettingsError, publicLlmSettings, resolveLlmSettings } from "./settings";

describe("resolveLlmSettings", () => {
  it("defaults to OpenAI and the default model", () => {
    const s = resolveLlmSettings([{ apiKey: "sk-abcdefgh" }]);
    expect(s).toMatchObject({ provider: "openai", model: DEFAULT_MODEL, timeoutMs: 90_000, maxRetries: 4, cache: true });
  });

  it("lets later layers win and ignores empty values", () => {
    const s = resolveLlmSettings([
      { baseUrl: "http://localhost:11434/v1", model: "from-env" },
      { model: "from-db", timeoutMs: "5000", baseUrl: "" },
      { model: "from-override" },
    ]);
    expect(s).toMatchObject({ provider: "ollama", model: "from-override", timeoutMs: 5000, baseUrl: "http://localhost:11434/v1" });
  });

  it("names each invalid field", () => {
    expect(() => resolveLlmSettings([{ provider: "acme", timeoutMs: "-3" }])).toThrow(LlmSettingsError);
    expect(() => resolveLlmSettings([{ provider: "acme", timeoutMs: "-3" }])).toThrow(/provider: .*timeoutMs: /s);
  });

  it("requires a base URL where the provider has none", () => {
    expect(() => resolveLlmSettings([{ provider: "azure" }])).toThrow(/Azure OpenAI needs a base URL/);
  });

  it("keeps the key out of the public view", () => {
    const view = publicLlmSettings(resolveLlmSettings([{ apiKey: "sk-secret-123456" }]));
    expect(JSON.stringify(view)).not.toContain("sk-secret");
    expect(view.apiKeySet).toBe(true);
    expect(view.baseUrl).toBe("https://api.openai.com/v1");
  });
});

describe("inferProvider", () => {
  it.each([
    [undefined, "openai"],
    ["https://api.openai.com/v1", "openai"],
    ["https://myres.openai.azure.com", "azure"],
    ["https://openrouter.ai/api/v1", "openrouter"],
    ["https://api.deepseek.com", "deepseek"],
    ["http://localhost:11434/v1", "ollama"],
    ["http://127.0.0.1:1234/v1", "lmstudio"],
    ["http://localhost:8000/v1", "vllm"],
    ["http://localhost:8080/v1", "llamacpp"],
    ["http://gpu-box:9000/v1", "custom"],
    ["not a url", "custom"],
  ])("%s → %s", (url, provider) => {
    expect(inferProvider(url)).toBe(provider);
  });
});
