import { z } from "zod";
import { ReasoningEffort } from "./settings";
import { StageName } from "./stages";
import { LlmUsage } from "./usage";

export const ChatMessage = z.object({
  role: z.enum(["system", "user", "assistant"]),
  content: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const LlmDelta = z.object({ kind: z.enum(["content", "reasoning"]), text: z.string() });
export type LlmDelta = z.infer<typeof LlmDelta>;

export const RetryNotice = z.object({
  attempt: z.number().int().positive(),
  delayMs: z.number().nonnegative(),
  reason: z.string(),
  /** Deltas already emitted belong to the abandoned attempt; the answer restarts from scratch. */
  discardedOutput: z.boolean(),
});
export type RetryNotice = z.infer<typeof RetryNotice>;

const callback = <T>() => z.custom<(value: T) => void>((v) => typeof v === "function", "must be a function");

export const CompletionRequest = z.object({
  stage: StageName,
  messages: z.array(ChatMessage).min(1),
  model: z.string().min(1).optional(),
  temperature: z.number().min(0).max(2).optional(),
  frequencyPenalty: z.number().min(-2).max(2).optional(),
  maxTokens: z.number().int().positive().optional(),
  reasoningEffort: ReasoningEffort.optional(),
  /** pass@k sample: part of the cache key so samples at temperature > 0 differ. */
  sampleIndex: z.number().int().nonnegative().default(0),
  /** A stage's own retry of the same prompt (e.g. after a parse failure): part of the cache key, so it is not served the answer it rejected. */
  attempt: z.number().int().nonnegative().default(0),
  cache: z.boolean().optional(),
  /** On a cache hit, send the stored text through onDelta so a live view still shows it. */
  replayCached: z.boolean().default(true),
  runId: z.string().min(1).optional(),
  datasetRunId: z.string().min(1).optional(),
  budgetUsd: z.number().positive().optional(),
  datasetBudgetUsd: z.number().positive().optional(),
  timeoutMs: z.number().int().positive().optional(),
  signal: z.custom<AbortSignal>((v) => v instanceof AbortSignal, "must be an AbortSignal").optional(),
  onDelta: callback<LlmDelta>().optional(),
  onRetry: callback<RetryNotice>().optional(),
});
export type CompletionRequest = z.input<typeof CompletionRequest>;
export type ParsedCompletionRequest = z.output<typeof CompletionRequest>;

export const LlmResult = z.object({
  callId: z.string(),
  content: z.string(),
  reasoning: z.string(),
  finishReason: z.string().nullable(),
  /** finish_reason "length": the answer stopped at the token limit and is incomplete. */
  truncated: z.boolean(),
  usage: LlmUsage,
  costUsd: z.number().nonnegative(),
  latencyMs: z.number().int().nonnegative(),
  retries: z.number().int().nonnegative(),
  cacheHit: z.boolean(),
  model: z.string(),
  provider: z.string(),
  /** Signs the answer may be unreliable although the call succeeded, e.g. a prompt the server truncated. */
  warnings: z.array(z.string()),
});
export type LlmResult = z.infer<typeof LlmResult>;
