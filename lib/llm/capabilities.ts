import { z } from "zod";
import { PROVIDER_PRESETS, type ProviderId } from "./providers";

/** USD per million tokens. Reasoning tokens are part of the completion count and billed at `reasoning`. */
export const Prices = z.object({
  input: z.number().nonnegative(),
  cachedInput: z.number().nonnegative(),
  output: z.number().nonnegative(),
  reasoning: z.number().nonnegative(),
});
export type Prices = z.infer<typeof Prices>;

export const ModelCapabilities = z.object({
  family: z.string(),
  acceptsTemperature: z.boolean(),
  acceptsPenalties: z.boolean(),
  /** "user": the model takes no instructions role, so the system text is prepended to the first user message. */
  systemRole: z.enum(["system", "developer", "user"]),
  maxTokensField: z.enum(["max_tokens", "max_completion_tokens"]),
  reasoningEffort: z.boolean(),
  streamsUsage: z.boolean(),
  /** Delta fields that carry reasoning text, tried in order. */
  reasoningFields: z.array(z.string()),
  contextWindow: z.number().int().positive().nullable(),
  /** Null when the price is unknown: cost is reported as 0 and budgets cannot stop the run. */
  prices: Prices.nullable(),
});
export type ModelCapabilities = z.infer<typeof ModelCapabilities>;

const REASONING_FIELDS = ["reasoning_content", "reasoning"];

const chat: Omit<ModelCapabilities, "family" | "contextWindow" | "prices"> = {
  acceptsTemperature: true,
  acceptsPenalties: true,
  systemRole: "system",
  maxTokensField: "max_tokens",
  reasoningEffort: false,
  streamsUsage: true,
  reasoningFields: REASONING_FIELDS,
};

const openaiReasoning: Omit<ModelCapabilities, "family" | "contextWindow" | "prices"> = {
  acceptsTemperature: false,
  acceptsPenalties: false,
  systemRole: "developer",
  maxTokensField: "max_completion_tokens",
  reasoningEffort: true,
  streamsUsage: true,
  reasoningFields: REASONING_FIELDS,
};

const price = (input: number, cachedInput: number, output: number): Prices => ({
  input,
  cachedInput,
  output,
  reasoning: output,
});

type Rule = { pattern: RegExp; caps: ModelCapabilities };

const rule = (pattern: RegExp, family: string, base: typeof chat, contextWindow: number | null, prices: Prices | null, extra: Partial<ModelCapabilities> = {}): Rule => ({
  pattern,
  caps: { ...base, family, contextWindow, prices, ...extra },
});

/**
 * First match wins, so specific names come before their prefixes. Prices are list prices (USD per million tokens)
 * at the time of writing; `llm.prices` in settings overrides them.
 */
const RULES: Rule[] = [
  rule(/^o1-mini/, "o1-mini", openaiReasoning, 128_000, price(1.1, 0.55, 4.4), { systemRole: "user", reasoningEffort: false }),
  rule(/^o1-preview/, "o1-preview", openaiReasoning, 128_000, price(15, 7.5, 60), { systemRole: "user", reasoningEffort: false }),
  rule(/^o1/, "o1", openaiReasoning, 200_000, price(15, 7.5, 60)),
  rule(/^o3-mini/, "o3-mini", openaiReasoning, 200_000, price(1.1, 0.55, 4.4)),
  rule(/^o3-pro/, "o3-pro", openaiReasoning, 200_000, price(20, 20, 80)),
  rule(/^o3/, "o3", openaiReasoning, 200_000, price(2, 0.5, 8)),
  rule(/^o4-mini/, "o4-mini", openaiReasoning, 200_000, price(1.1, 0.275, 4.4)),
  rule(/^gpt-5-chat/, "gpt-5-chat", chat, 128_000, price(1.25, 0.125, 10), { acceptsPenalties: true }),
  rule(/^gpt-5-nano/, "gpt-5-nano", openaiReasoning, 400_000, price(0.05, 0.005, 0.4)),
  rule(/^gpt-5-mini/, "gpt-5-mini", openaiReasoning, 400_000, price(0.25, 0.025, 2)),
  rule(/^gpt-5/, "gpt-5", openaiReasoning, 400_000, price(1.25, 0.125, 10)),
  rule(/^gpt-4\.1-nano/, "gpt-4.1-nano", chat, 1_047_576, price(0.1, 0.025, 0.4)),
  rule(/^gpt-4\.1-mini/, "gpt-4.1-mini", chat, 1_047_576, price(0.4, 0.1, 1.6)),
  rule(/^gpt-4\.1/, "gpt-4.1", chat, 1_047_576, price(2, 0.5, 8)),
  rule(/^gpt-4o-mini/, "gpt-4o-mini", chat, 128_000, price(0.15, 0.075, 0.6)),
  rule(/^gpt-4o/, "gpt-4o", chat, 128_000, price(2.5, 1.25, 10)),
  rule(/^gpt-4-turbo/, "gpt-4-turbo", chat, 128_000, price(10, 10, 30)),
  rule(/^gpt-4-32k/, "gpt-4-32k", chat, 32_768, price(60, 60, 120)),
  rule(/^gpt-4/, "gpt-4", chat, 8_192, price(30, 30, 60)),
  rule(/^gpt-3\.5-turbo/, "gpt-3.5-turbo", chat, 16_385, price(0.5, 0.5, 1.5)),
  // deepseek-reasoner accepts temperature but ignores it; not sending it keeps stored params honest.
  rule(/^deepseek-reasoner/, "deepseek-reasoner", chat, 128_000, price(0.55, 0.14, 2.19), {
    acceptsTemperature: false,
    acceptsPenalties: false,
  }),
  rule(/^deepseek-chat/, "deepseek-chat", chat, 128_000, price(0.27, 0.07, 1.1)),
];

const UNKNOWN: ModelCapabilities = { ...chat, family: "unknown", contextWindow: null, prices: null };
const FREE: Prices = { input: 0, cachedInput: 0, output: 0, reasoning: 0 };

/** Routers and local servers prefix names (openai/gpt-4o, library/qwen:7b); the registry matches the bare name. */
function bareName(model: string): string {
  const lower = model.trim().toLowerCase();
  const slash = lower.lastIndexOf("/");
  return slash >= 0 ? lower.slice(slash + 1) : lower;
}

export function capabilitiesFor(provider: ProviderId, model: string, overridePrices?: Prices): ModelCapabilities {
  const name = bareName(model);
  const found = RULES.find((r) => r.pattern.test(name))?.caps ?? { ...UNKNOWN, family: name };
  const local = PROVIDER_PRESETS[provider].local;
  // A local server runs the weights itself: an OpenAI-looking name there is a local model with local costs.
  const prices = overridePrices ?? (local ? FREE : found.prices);
  return { ...found, prices };
}
