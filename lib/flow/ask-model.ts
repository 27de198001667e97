import type { StageName } from "@/lib/llm/stages";
import type { ChatMessage, LlmResult } from "@/lib/llm/request";
import { newCallId, type NodeContext } from "./context";
import type { RenderedPrompt } from "./prompts";

export interface AskOptions {
  stage: StageName;
  prompt: RenderedPrompt;
  /** Earlier answer and what was wrong with it: the stage's retry shows the model its own mistake. */
  followUp?: { answer: string; problem: string };
  attempt?: number;
  sampleIndex?: number;
}

/** Room for a run's own samples (initial-code attempts) inside one pass@k sample's range of cache keys. */
const SAMPLES_PER_RUN = 64;

/**
 * One LLM call of a node: streams deltas as token/reasoning events, records an llm_call event with usage, and
 * counts latency on the node's current lane. The call obeys the run's AbortSignal and the configured timeout.
 */
export async function askModel(ctx: NodeContext, options: AskOptions): Promise<LlmResult> {
  const { config } = ctx;
  const callId = newCallId();
  const messages: ChatMessage[] = [
    { role: "system", content: options.prompt.system },
    { role: "user", content: options.prompt.user },
  ];
  if (options.followUp) {
    messages.push({ role: "assistant", content: options.followUp.answer });
    messages.push({ role: "user", content: options.followUp.problem });
  }
  const started = Date.now();
  const result = await ctx.deps.gateway.complete({
    stage: options.stage,
    messages,
    model: ctx.model,
    temperature: config.llm.temperatures[options.stage],
    frequencyPenalty: config.llm.frequency_penalty,
    maxTokens: config.llm.max_tokens,
    sampleIndex: ctx.sample.index * SAMPLES_PER_RUN + (options.sampleIndex ?? 0),
    attempt: options.attempt ?? 0,
    runId: ctx.runId,
    datasetRunId: ctx.sample.datasetRunId ?? undefined,
    timeoutMs: Math.round(config.llm.timeout_s * 1000),
    signal: ctx.signal,
    onDelta: (delta) =>
      ctx.emit({ type: delta.kind === "content" ? "token" : "reasoning", nodeKey: ctx.nodeKey, callId, text: delta.text }),
  });
  ctx.usage.llmCalls += 1;
  ctx.usage.promptTokens += result.usage.promptTokens;
  ctx.usage.completionTokens += result.usage.completionTokens;
  ctx.usage.reasoningTokens += result.usage.reasoningTokens;
  ctx.usage.costUsd += result.costUsd;
  // The flow waits for the whole call (limiter, cache lookup, accounting included), so that is what counts.
  const waitedMs = Date.now() - started;
  ctx.usage.llmLatencyMs += waitedMs;
  ctx.lane.criticalMs += waitedMs;
  ctx.lane.llmMs += waitedMs;
  ctx.emit({
    type: "llm_call",
    callId,
    recordId: result.callId || undefined,
    nodeKey: ctx.nodeKey,
    stage: options.stage,
    model: result.model,
    usage: {
      promptTokens: result.usage.promptTokens,
      completionTokens: result.usage.completionTokens,
      cachedTokens: result.usage.cachedTokens,
      reasoningTokens: result.usage.reasoningTokens,
      estimated: result.usage.estimated,
    },
    costUsd: result.costUsd,
    latencyMs: result.latencyMs,
    cacheHit: result.cacheHit,
    retries: result.retries,
    finishReason: result.finishReason,
    truncated: result.truncated,
  });
  return result;
}
