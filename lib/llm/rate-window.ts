/** One admitted request in a sliding rate window: when it was let through and the tokens booked for it. */
export type RateEntry = { at: number; tokens: number };

/** Limits are per minute; tests shorten the window rather than wait one. */
export const RATE_WINDOW_MS = 60_000;

export type RateLimits = { requestsPerMinute?: number | null; tokensPerMinute?: number | null };

/**
 * Whether one more request of `tokens` fits a window already holding `count` requests and `used` tokens. A request
 * larger than the whole token budget still goes once the window is empty, or it would wait forever.
 */
export function fitsWindow(count: number, used: number, tokens: number, limits: RateLimits): boolean {
  const rpm = limits.requestsPerMinute;
  if (rpm && count >= rpm) return false;
  const tpm = limits.tokensPerMinute;
  return !(tpm && count > 0 && used + tokens > tpm);
}

/**
 * How long until a request of `tokens` fits, 0 when it fits now. `entries` are the requests still inside the
 * window (`at > now - windowMs`), oldest first; the answer is when enough of them have aged out. Agrees with
 * fitsWindow: it is 0 exactly when that says yes.
 */
export function windowWaitMs(entries: readonly RateEntry[], now: number, tokens: number, limits: RateLimits, windowMs: number): number {
  let wait = 0;
  const rpm = limits.requestsPerMinute;
  if (rpm && entries.length >= rpm) {
    wait = Math.max(wait, entries[entries.length - rpm].at + windowMs - now);
  }
  const tpm = limits.tokensPerMinute;
  if (tpm && entries.length > 0) {
    let used = entries.reduce((sum, e) => sum + e.tokens, 0);
    for (const entry of entries) {
      if (used + tokens <= tpm) break;
      used -= entry.tokens;
      wait = Math.max(wait, entry.at + windowMs - now);
    }
  }
  return wait;
}
