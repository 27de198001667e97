import { describe, expect, it } from "vitest";
import { fitsWindow, windowWaitMs, type RateEntry, type RateLimits } from "./rate-window";

describe("rate windows", () => {
  it("waits until the request that makes room ages out", () => {
    const entries: RateEntry[] = [
      { at: 100, tokens: 40 },
      { at: 300, tokens: 40 },
      { at: 500, tokens: 10 },
    ];
    expect(windowWaitMs(entries, 600, 0, { requestsPerMinute: 2 }, 1_000)).toBe(300 + 1_000 - 600);
    expect(windowWaitMs(entries, 600, 30, { tokensPerMinute: 100 }, 1_000)).toBe(100 + 1_000 - 600);
    expect(windowWaitMs(entries, 600, 10, { tokensPerMinute: 100 }, 1_000)).toBe(0);
  });

  // The shared limiter admits on a count and a sum and asks windowWaitMs only when refused: the two must agree.
  it("says wait exactly when fitsWindow says no", () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n);
    for (let round = 0; round < 2_000; round++) {
      const entries = Array.from({ length: random(6) }, (_, i) => ({ at: i * 10, tokens: random(60) }));
      const limits: RateLimits = { requestsPerMinute: random(2) ? 1 + random(6) : null, tokensPerMinute: random(2) ? 1 + random(150) : null };
      const tokens = random(200);
      const used = entries.reduce((sum, e) => sum + e.tokens, 0);
      const fits = fitsWindow(entries.length, used, tokens, limits);
      expect(windowWaitMs(entries, 60, tokens, limits, 1_000) === 0, JSON.stringify({ entries, limits, tokens })).toBe(fits);
    }
  });
});
