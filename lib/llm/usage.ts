import { z } from "zod";
import type { Prices } from "./capabilities";

export const LlmUsage = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  cachedTokens: z.number().int().nonnegative(),
  reasoningTokens: z.number().int().nonnegative(),
  /** True when counted locally because the provider sent no usage. */
  estimated: z.boolean(),
});
export type LlmUsage = z.infer<typeof LlmUsage>;

/** Usage as providers report it: OpenAI's details objects, DeepSeek's cache-hit count, OpenRouter's cost. */
export const ProviderUsage = z
  .object({
    prompt_tokens: z.number().int().nonnegative().default(0),
    completion_tokens: z.number().int().nonnegative().default(0),
    prompt_tokens_details: z.object({ cached_tokens: z.number().int().nonnegative().nullish() }).nullish(),
    completion_tokens_details: z.object({ reasoning_tokens: z.number().int().nonnegative().nullish() }).nullish(),
    prompt_cache_hit_tokens: z.number().int().nonnegative().nullish(),
    cost: z.number().nonnegative().nullish(),
  })
  .passthrough();
export type ProviderUsage = z.infer<typeof ProviderUsage>;

export function fromProviderUsage(raw: ProviderUsage): LlmUsage {
  return {
    promptTokens: raw.prompt_tokens,
    completionTokens: raw.completion_tokens,
    cachedTokens: raw.prompt_tokens_details?.cached_tokens ?? raw.prompt_cache_hit_tokens ?? 0,
    reasoningTokens: raw.completion_tokens_details?.reasoning_tokens ?? 0,
    estimated: false,
  };
}

/** USD; completion counts include reasoning tokens, which some price lists bill separately. */
export function costOf(usage: LlmUsage, prices: Prices | null): number {
  if (!prices) return 0;
  const cached = Math.min(usage.cachedTokens, usage.promptTokens);
  const reasoning = Math.min(usage.reasoningTokens, usage.completionTokens);
  const micro =
    (usage.promptTokens - cached) * prices.input +
    cached * prices.cachedInput +
    (usage.completionTokens - reasoning) * prices.output +
    reasoning * prices.reasoning;
  return micro / 1_000_000;
}
