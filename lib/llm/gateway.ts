import type { Db } from "@/lib/db/client";
import { recordCall, spentUsd, type CallRecord } from "./accounting";
import { attemptOnce } from "./attempt";
import { cacheKey, readCache, writeCache } from "./cache";
import { callWithRetries } from "./call-with-retries";
import { capabilitiesFor } from "./capabilities";
import { createOpenAiClient } from "./client";
import { BudgetExceededError, LlmError } from "./errors";
import { limiterFor } from "./limiter";
import { answerParams, buildChatParams } from "./params";
import { PROVIDER_PRESETS } from "./providers";
import { rateEndpoint } from "./rate-endpoint";
import { rateGate } from "./rate-gate";
import { redactSecrets } from "./redact";
import { CompletionRequest, type LlmResult, type ParsedCompletionRequest } from "./request";
import { baseUrlOf, type LlmSettings } from "./settings";
import type { StreamOutcome } from "./stream";
import { countTextTokens, estimatePromptTokens } from "./tokens";
import { costOf, fromProviderUsage, type LlmUsage } from "./usage";

export type LlmGateway = {
  complete(request: CompletionRequest): Promise<LlmResult>;
  readonly provider: string;
  readonly model: string;
};

export type GatewayDeps = {
  db: Db;
  /** Operational messages (retries, waits); already scrubbed of the API key. */
  log?: (line: string) => void;
  /** Length of the request/token rate windows; one minute except in tests that cannot wait one. */
  rateWindowMs?: number;
};

type CallBase = Pick<CallRecord, "runId" | "datasetRunId" | "stage" | "provider" | "model" | "messages" | "params" | "cacheKey">;

export function createGateway(config: LlmSettings, deps: GatewayDeps): LlmGateway {
  const client = createOpenAiClient(config);
  const preset = PROVIDER_PRESETS[config.provider];
  const rates = {
    requestsPerMinute: config.requestsPerMinute ?? preset.requestsPerMinute,
    tokensPerMinute: config.tokensPerMinute,
    windowMs: deps.rateWindowMs,
  };
  const scrub = (text: string) => redactSecrets(text, [config.apiKey]);
  const log = (line: string) => deps.log?.(scrub(line));
  const limiter = rateGate(
    limiterFor(`${config.provider} ${baseUrlOf(config)}`, { concurrency: config.concurrency ?? preset.concurrency, ...rates }),
    { db: deps.db, endpoint: rateEndpoint(config.provider, baseUrlOf(config), config.apiKey), limits: rates, log },
  );

  async function complete(input: CompletionRequest): Promise<LlmResult> {
    const request = parseRequest(input);
    const started = Date.now();
    const model = request.model ?? config.model;
    const caps = capabilitiesFor(config.provider, model, config.prices);
    const { body, dropped } = buildChatParams(request, model, caps, preset, config.reasoningEffort);
    const params = answerParams(body);
    const base: CallBase = {
      runId: request.runId,
      datasetRunId: request.datasetRunId,
      stage: request.stage,
      provider: config.provider,
      model,
      messages: request.messages,
      params: { ...params, sampleIndex: request.sampleIndex, attempt: request.attempt, dropped },
      cacheKey: cacheKey({
        provider: config.provider,
        model,
        messages: request.messages,
        params,
        sampleIndex: request.sampleIndex,
        attempt: request.attempt,
      }),
    };
    const finish = (answer: Answer): LlmResult => ({
      ...answer,
      truncated: answer.finishReason === "length",
      model,
      provider: config.provider,
    });
    const useCache = request.cache ?? config.cache;

    const hit = useCache ? await readCache(deps.db, base.cacheKey) : null;
    if (hit) {
      if (request.replayCached && request.onDelta) {
        if (hit.reasoning) request.onDelta({ kind: "reasoning", text: hit.reasoning });
        if (hit.content) request.onDelta({ kind: "content", text: hit.content });
      }
      const answer = { ...hit, costUsd: 0, latencyMs: Date.now() - started, retries: 0, cacheHit: true, warnings: [] };
      return finish({ ...answer, callId: await recordCall(deps.db, { ...base, ...answer, response: hit.content }) });
    }

    const promptEstimate = estimatePromptTokens(request.messages);
    await enforceBudget(deps.db, request, costOf(emptyUsage(promptEstimate), caps.prices));

    let attempted: { outcome: StreamOutcome; retries: number };
    try {
      attempted = await callWithRetries({
        limiter,
        estimatedTokens: promptEstimate + (request.maxTokens ?? 0),
        policy: { maxRetries: config.maxRetries, baseDelayMs: config.retryBaseDelayMs, maxDelayMs: config.retryMaxDelayMs },
        attempt: () =>
          attemptOnce({
            client,
            body,
            stage: request.stage,
            callKey: base.cacheKey,
            timeoutMs: request.timeoutMs ?? config.timeoutMs,
            reasoningFields: caps.reasoningFields,
            signal: request.signal,
            onDelta: request.onDelta,
          }),
        scrub,
        signal: request.signal,
        onRetry: request.onRetry,
        log,
        label: request.stage,
      });
    } catch (error) {
      if (error instanceof LlmError) error.callId = await recordFailure(base, error, Date.now() - started);
      throw error;
    }

    const { outcome, retries } = attempted;
    const usage = outcome.usage ? fromProviderUsage(outcome.usage) : estimatedUsage(promptEstimate, outcome);
    const warning = promptTruncationWarning(promptEstimate, usage);
    const answer = {
      content: outcome.content,
      reasoning: outcome.reasoning,
      finishReason: outcome.finishReason,
      usage,
      costUsd: outcome.usage?.cost ?? costOf(usage, caps.prices),
      latencyMs: Date.now() - started,
      retries,
      cacheHit: false,
      warnings: warning ? [warning] : [],
    };
    // One transaction: a process killed between the two writes would leave a paid call that the cache does not
    // know, and the resumed run would pay for it again.
    const callId = await deps.db.$transaction(async (tx) => {
      const id = await recordCall(tx, { ...base, ...answer, response: outcome.content });
      // A truncated answer is not what this request should produce, so a later identical request tries again.
      if (useCache && outcome.finishReason !== "length") {
        await writeCache(tx, base.cacheKey, config.provider, model, { ...outcome, usage });
      }
      return id;
    });
    return finish({ ...answer, callId });
  }

  function recordFailure(base: CallBase, error: LlmError, latencyMs: number): Promise<string> {
    return recordCall(deps.db, {
      ...base,
      response: "",
      reasoning: "",
      finishReason: null,
      usage: emptyUsage(0),
      latencyMs,
      retries: error.retries,
      costUsd: 0,
      cacheHit: false,
      error: scrub(`${error.kind}: ${error.message}`),
    });
  }

  return { complete, provider: config.provider, model: config.model };
}

type Answer = Omit<LlmResult, "truncated" | "model" | "provider">;

function parseRequest(input: CompletionRequest): ParsedCompletionRequest {
  const parsed = CompletionRequest.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "request"}: ${i.message}`);
  throw new LlmError("config", `invalid LLM request: ${issues.join("; ")}`, { retryable: false });
}

async function enforceBudget(db: Db, request: ParsedCompletionRequest, nextCallUsd: number): Promise<void> {
  if (request.budgetUsd !== undefined && request.runId) {
    const spent = await spentUsd(db, { runId: request.runId });
    if (spent + nextCallUsd > request.budgetUsd) throw new BudgetExceededError("run", request.budgetUsd, spent, nextCallUsd);
  }
  if (request.datasetBudgetUsd !== undefined && request.datasetRunId) {
    const spent = await spentUsd(db, { datasetRunId: request.datasetRunId });
    if (spent + nextCallUsd > request.datasetBudgetUsd) {
      throw new BudgetExceededError("dataset_run", request.datasetBudgetUsd, spent, nextCallUsd);
    }
  }
}

/**
 * A server that silently cuts the prompt to its context (Ollama's default) reports far fewer prompt tokens than were
 * sent. Tokenizers differ by tens of percent, so only a large gap on a long prompt is flagged.
 */
function promptTruncationWarning(sentEstimate: number, usage: LlmUsage): string | null {
  if (usage.estimated || sentEstimate < 1_000 || usage.promptTokens >= sentEstimate * 0.6) return null;
  return (
    `the provider counted ${usage.promptTokens} prompt tokens for a prompt of about ${sentEstimate}: ` +
    `it probably truncated the prompt to its context window`
  );
}

function emptyUsage(promptTokens: number): LlmUsage {
  return { promptTokens, completionTokens: 0, cachedTokens: 0, reasoningTokens: 0, estimated: true };
}

function estimatedUsage(promptTokens: number, outcome: StreamOutcome): LlmUsage {
  const reasoningTokens = countTextTokens(outcome.reasoning);
  return {
    promptTokens,
    completionTokens: countTextTokens(outcome.content) + reasoningTokens,
    cachedTokens: 0,
    reasoningTokens,
    estimated: true,
  };
}
