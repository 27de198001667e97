import { describe, expect, it } from "vitest";
import { capabilitiesFor } from "./capabilities";
import { buildChatParams, answerParams } from "./params";
import { PROVIDER_PRESETS } from "./providers";
import { CompletionRequest } from "./request";

const request = (extra: Record<string, unknown> = {}) =>
  CompletionRequest.parse({
    stage: "reflect",
    messages: [
      { role: "system", content: "SYS" },
      { role: "user", content: "USER" },
    ],
    temperature: 0.2,
    frequencyPenalty: 0.1,
    maxTokens: 1000,
    ...extra,
  });

describe("model capability registry", () => {
  it("matches specific names before their prefixes and strips router prefixes", () => {
    expect(capabilitiesFor("openai", "gpt-4o-mini-2024-07-18").family).toBe("gpt-4o-mini");
    expect(capabilitiesFor("openai", "gpt-4o").family).toBe("gpt-4o");
    expect(capabilitiesFor("openrouter", "openai/o3-mini").family).toBe("o3-mini");
    expect(capabilitiesFor("openai", "o1-mini").systemRole).toBe("user");
    expect(capabilitiesFor("deepseek", "deepseek-reasoner").acceptsTemperature).toBe(false);
  });

  it("prices local models at zero and unknown hosted models as unknown", () => {
    expect(capabilitiesFor("ollama", "gpt-4o").prices).toEqual({ input: 0, cachedInput: 0, output: 0, reasoning: 0 });
    expect(capabilitiesFor("custom", "my-finetune").prices).toBeNull();
    expect(capabilitiesFor("custom", "my-finetune", { input: 1, cachedInput: 1, output: 1, reasoning: 1 }).prices?.input).toBe(1);
  });
});

describe("buildChatParams", () => {
  it("sends a chat model everything, always streaming with usage", () => {
    const { body, dropped } = buildChatParams(request(), "gpt-4.1", capabilitiesFor("openai", "gpt-4.1"), PROVIDER_PRESETS.openai, undefined);
    expect(body).toMatchObject({ model: "gpt-4.1", temperature: 0.2, frequency_penalty: 0.1, max_tokens: 1000, stream: true, stream_options: { include_usage: true } });
    expect(body.messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(dropped).toEqual([]);
  });

  it("drops what a reasoning model rejects and says so", () => {
    const { body, dropped } = buildChatParams(request({ reasoningEffort: "high" }), "o3", capabilitiesFor("openai", "o3"), PROVIDER_PRESETS.openai, undefined);
    expect(body.temperature).toBeUndefined();
    expect(body.max_completion_tokens).toBe(1000);
    expect(body.reasoning_effort).toBe("high");
    expect(body.messages[0].role).toBe("developer");
    expect(dropped).toEqual(["temperature", "frequency_penalty"]);
  });

  it("folds the system prompt into the first user message for models without one", () => {
    const { body } = buildChatParams(request(), "o1-mini", capabilitiesFor("openai", "o1-mini"), PROVIDER_PRESETS.openai, "medium");
    expect(body.messages).toEqual([{ role: "user", content: "SYS\n\nUSER" }]);
    expect(body.reasoning_effort).toBeUndefined();
  });

  it("keys the cache on answer-deciding parameters only", () => {
    const { body } = buildChatParams(request(), "gpt-4.1", capabilitiesFor("openai", "gpt-4.1"), PROVIDER_PRESETS.openai, undefined);
    expect(answerParams(body)).toEqual({ model: "gpt-4.1", temperature: 0.2, frequency_penalty: 0.1, max_tokens: 1000 });
  });
});
