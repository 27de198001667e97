import { z } from "zod";

export const LlmErrorKind = z.enum([
  "http",
  "timeout",
  "connection",
  "stream_cut",
  "bad_response",
  "aborted",
  "config",
]);
export type LlmErrorKind = z.infer<typeof LlmErrorKind>;

/** A failed call. `message` carries the provider's own message (key scrubbed) so the user sees why. */
export class LlmError extends Error {
  readonly kind: LlmErrorKind;
  readonly status?: number;
  readonly retryable: boolean;
  retries = 0;
  callId?: string;
  /** Whether deltas of this failed attempt already reached the caller. */
  partialOutput = false;
  /** The provider's Retry-After, in ms, when it sent one. */
  readonly retryAfterMs?: number;

  /**
   * No `cause`: the SDK's own errors carry the provider's raw message, which may echo the key, and a logged cause
   * chain would bypass the scrubbing applied to this message.
   */
  constructor(kind: LlmErrorKind, message: string, options: { status?: number; retryable: boolean; retryAfterMs?: number }) {
    super(message);
    this.name = "LlmError";
    this.kind = kind;
    this.status = options.status;
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** Replaces message and stack with scrubbed versions. */
  scrub(redact: (text: string) => string): this {
    this.message = redact(this.message);
    if (this.stack) this.stack = redact(this.stack);
    return this;
  }
}

/** Thrown before a call whose expected cost would start over the run's (or dataset run's) cap; nothing was sent. */
export class BudgetExceededError extends Error {
  constructor(
    readonly scope: "run" | "dataset_run",
    readonly budgetUsd: number,
    readonly spentUsd: number,
    readonly nextCallUsd: number,
  ) {
    super(
      `budget of $${budgetUsd.toFixed(4)} per ${scope === "run" ? "run" : "dataset run"} reached: ` +
        `$${spentUsd.toFixed(4)} spent, the next call needs at least $${nextCallUsd.toFixed(4)}`,
    );
    this.name = "BudgetExceededError";
  }
}
