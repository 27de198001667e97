import { LlmError } from "./errors";
import type { RateGate } from "./rate-gate";
import type { RetryNotice } from "./request";
import { backoffDelayMs, sleep } from "./retry";
import type { StreamOutcome } from "./stream";

export type RetryPolicy = { maxRetries: number; baseDelayMs: number; maxDelayMs: number };

export type RetryingCall = {
  limiter: RateGate;
  /** Tokens booked against the per-minute window until the real usage is known. */
  estimatedTokens: number;
  policy: RetryPolicy;
  attempt: () => Promise<StreamOutcome>;
  scrub: (text: string) => string;
  signal?: AbortSignal;
  onRetry?: (notice: RetryNotice) => void;
  log: (line: string) => void;
  label: string;
};

/** Null means give up: not retryable, out of attempts, or asked to wait longer than the policy allows. */
function retryDelay(error: LlmError, retriesSoFar: number, policy: RetryPolicy): number | null {
  if (!error.retryable || retriesSoFar >= policy.maxRetries) return null;
  const asked = error.retryAfterMs;
  if (asked === undefined) return backoffDelayMs(retriesSoFar, policy);
  if (asked > policy.maxDelayMs) {
    error.message += ` (the provider asks to retry after ${Math.ceil(asked / 1000)} s, longer than the ${Math.ceil(policy.maxDelayMs / 1000)} s allowed)`;
    return null;
  }
  return asked;
}

/**
 * Runs attempts through the provider's limiter until one succeeds. Every attempt is a fresh request from scratch;
 * on failure the thrown LlmError is scrubbed and carries how many retries were made.
 */
export async function callWithRetries(call: RetryingCall): Promise<{ outcome: StreamOutcome; retries: number }> {
  let retries = 0;
  for (;;) {
    try {
      const release = await call.limiter.acquire(call.estimatedTokens, call.signal);
      let spentTokens: number | undefined;
      try {
        const outcome = await call.attempt();
        if (outcome.usage) spentTokens = outcome.usage.prompt_tokens + outcome.usage.completion_tokens;
        return { outcome, retries };
      } finally {
        await release(spentTokens);
      }
    } catch (caught) {
      if (!(caught instanceof LlmError)) throw caught;
      const error = caught.scrub(call.scrub);
      error.retries = retries;
      const delayMs = retryDelay(error, retries, call.policy);
      if (delayMs === null) throw error;
      retries += 1;
      // A 429's Retry-After holds every caller of this provider, not just this one.
      if (error.status === 429 && error.retryAfterMs !== undefined) call.limiter.pauseFor(delayMs);
      call.log(`llm ${call.label}: attempt ${retries} failed (${error.message}); retrying in ${delayMs} ms`);
      call.onRetry?.({ attempt: retries, delayMs, reason: error.message, discardedOutput: error.partialOutput });
      try {
        await sleep(delayMs, call.signal);
      } catch (aborted) {
        if (aborted instanceof LlmError) aborted.retries = retries;
        throw aborted;
      }
    }
  }
}
