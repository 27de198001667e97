import { AzureOpenAI } from "openai";
import { describe, expect, it } from "vitest";
import { createOpenAiClient } from "./client";
import { resolveLlmSettings } from "./settings";

describe("createOpenAiClient", () => {
  it("refuses a hosted provider without a key, naming where to set it", () => {
    expect(() => createOpenAiClient(resolveLlmSettings([{ provider: "openai" }]))).toThrow(/OPENAI_API_KEY or llm.apiKey/);
  });

  it("starts a local provider without a key", () => {
    const client = createOpenAiClient(resolveLlmSettings([{ provider: "ollama" }]));
    expect(client.baseURL).toBe("http://localhost:11434/v1");
    expect(client.maxRetries).toBe(0);
  });

  it("uses the Azure client for Azure", () => {
    const client = createOpenAiClient(resolveLlmSettings([{ provider: "azure", baseUrl: "https://r.openai.azure.com", apiKey: "k-123456" }]));
    expect(client).toBeInstanceOf(AzureOpenAI);
    expect(client.baseURL).toBe("https://r.openai.azure.com/openai");
  });
});
