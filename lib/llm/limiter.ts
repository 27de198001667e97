import { LlmError } from "./errors";
import { RATE_WINDOW_MS, windowWaitMs, type RateEntry } from "./rate-window";

export type LimiterLimits = {
  concurrency: number;
  requestsPerMinute?: number | null;
  tokensPerMinute?: number | null;
  /** Length of the rate window; one minute except in tests that cannot wait one. */
  windowMs?: number;
};

type Waiter = {
  tokens: number;
  resolve: (release: Release) => void;
  reject: (error: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
};

/** Gives back the slot; `actualTokens` corrects the per-minute token window once usage is known. */
export type Release = (actualTokens?: number) => void;

/**
 * One provider's gate: at most `concurrency` requests in flight and sliding one-minute windows for requests and
 * tokens. Waiters are served first come, first served so a long queue cannot starve an early caller.
 */
export class ProviderLimiter {
  private active = 0;
  private readonly queue: Waiter[] = [];
  private readonly window: RateEntry[] = [];
  private pausedUntil = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private limits: LimiterLimits) {}

  setLimits(limits: LimiterLimits): void {
    this.limits = limits;
    this.pump();
  }

  /** A 429's Retry-After holds every caller of this provider, not just the one that was told. */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }

  inFlight(): number {
    return this.active;
  }

  acquire(tokens: number, signal?: AbortSignal): Promise<Release> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new LlmError("aborted", "the call was cancelled", { retryable: false }));
      const waiter: Waiter = { tokens, resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          const i = this.queue.indexOf(waiter);
          if (i >= 0) this.queue.splice(i, 1);
          reject(new LlmError("aborted", "the call was cancelled", { retryable: false }));
          this.pump();
        };
        signal.addEventListener("abort", waiter.onAbort, { once: true });
      }
      this.queue.push(waiter);
      this.pump();
    });
  }

  private waitMs(now: number, tokens: number): number {
    const windowMs = this.limits.windowMs ?? RATE_WINDOW_MS;
    while (this.window.length > 0 && this.window[0].at <= now - windowMs) this.window.shift();
    return Math.max(0, this.pausedUntil - now, windowWaitMs(this.window, now, tokens, this.limits, windowMs));
  }

  private pump(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.queue.length > 0 && this.active < this.limits.concurrency) {
      const head = this.queue[0];
      const now = Date.now();
      const wait = this.waitMs(now, head.tokens);
      if (wait > 0) {
        this.timer = setTimeout(() => this.pump(), wait);
        this.timer.unref?.();
        return;
      }
      this.queue.shift();
      if (head.signal && head.onAbort) head.signal.removeEventListener("abort", head.onAbort);
      this.active += 1;
      const entry = { at: now, tokens: head.tokens };
      this.window.push(entry);
      let released = false;
      head.resolve((actualTokens) => {
        if (released) return;
        released = true;
        if (actualTokens !== undefined) entry.tokens = actualTokens;
        this.active -= 1;
        this.pump();
      });
    }
  }
}

const registry = globalThis as unknown as { alphaflowLlmLimiters?: Map<string, ProviderLimiter> };

/** The process-wide limiter for one provider endpoint, shared by every run and gateway in the process. */
export function limiterFor(key: string, limits: LimiterLimits): ProviderLimiter {
  registry.alphaflowLlmLimiters ??= new Map();
  let limiter = registry.alphaflowLlmLimiters.get(key);
  if (!limiter) {
    limiter = new ProviderLimiter(limits);
    registry.alphaflowLlmLimiters.set(key, limiter);
  } else {
    limiter.setLimits(limits);
  }
  return limiter;
}
