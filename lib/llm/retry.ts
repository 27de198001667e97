import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { LlmError } from "./errors";

const RETRYABLE_STATUS = new Set([408, 409, 429]);

function providerMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  const text = body && typeof body.message === "string" ? body.message : error.message;
  return error.status ? `${error.status} ${text.replace(/^\d{3}\s+/, "")}` : text;
}

/** Maps whatever the SDK or the stream threw onto an LlmError that says whether another attempt may help. */
export function classifyError(error: unknown): LlmError {
  if (error instanceof LlmError) return error;
  if (error instanceof APIUserAbortError) return new LlmError("aborted", "the call was cancelled", { retryable: false });
  if (error instanceof APIConnectionTimeoutError) {
    return new LlmError("timeout", "the provider did not answer in time", { retryable: true });
  }
  if (error instanceof APIConnectionError) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return new LlmError("connection", `connection to the provider failed${cause}`, { retryable: true });
  }
  if (error instanceof APIError) {
    const status = error.status;
    if (status === undefined) {
      // An error object inside a 200 stream: the provider failed mid-answer.
      return new LlmError("bad_response", `provider error mid-stream: ${providerMessage(error)}`, { retryable: true });
    }
    const retryable = RETRYABLE_STATUS.has(status) || status >= 500;
    return new LlmError("http", providerMessage(error), { status, retryable, retryAfterMs: parseRetryAfter(error.headers) });
  }
  if (error instanceof SyntaxError) {
    return new LlmError("bad_response", `the provider sent a malformed response (${error.message})`, { retryable: true });
  }
  const message = error instanceof Error ? error.message : String(error);
  // undici reports a socket closed mid-body as "terminated"; any other read failure is treated the same way.
  return new LlmError("stream_cut", `the response stream broke off (${message})`, { retryable: true });
}

/** Retry-After in ms from `retry-after-ms`, `retry-after` seconds or an HTTP date; undefined if absent. */
export function parseRetryAfter(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get("retry-after-ms");
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export type BackoffPolicy = { baseDelayMs: number; maxDelayMs: number };

/** Exponential backoff with full jitter between half and all of the step, so parallel runs spread out. */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy, random = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(step / 2 + random() * (step / 2));
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new LlmError("aborted", "the call was cancelled", { retryable: false }));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new LlmError("aborted", "the call was cancelled", { retryable: false }));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
