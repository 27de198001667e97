import { describe, expect, it } from "vitest";
import { costOf, fromProviderUsage, ProviderUsage } from "./usage";

describe("usage and cost", () => {
  it("reads OpenAI details and DeepSeek cache hits", () => {
    expect(
      fromProviderUsage(ProviderUsage.parse({ prompt_tokens: 10, completion_tokens: 5, prompt_tokens_details: { cached_tokens: 4 }, completion_tokens_details: { reasoning_tokens: 2 } })),
    ).toEqual({ promptTokens: 10, completionTokens: 5, cachedTokens: 4, reasoningTokens: 2, estimated: false });
    expect(fromProviderUsage(ProviderUsage.parse({ prompt_tokens: 10, completion_tokens: 5, prompt_cache_hit_tokens: 7 })).cachedTokens).toBe(7);
  });

  it("bills cached input and reasoning at their own prices", () => {
    const usage = { promptTokens: 1_000_000, completionTokens: 1_000_000, cachedTokens: 500_000, reasoningTokens: 250_000, estimated: false };
    expect(costOf(usage, { input: 2, cachedInput: 0.5, output: 8, reasoning: 10 })).toBeCloseTo(1 + 0.25 + 6 + 2.5, 10);
    expect(costOf(usage, null)).toBe(0);
  });
});
