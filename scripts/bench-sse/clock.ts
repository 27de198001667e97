import type { Page } from "@playwright/test";

export type ClockOffset = {
  /** Browser clock minus this process's Date.now(), from the round trip with the smallest delay. */
  offsetMs: number;
  /** Half that round trip plus Date.now()'s 1 ms step: the true offset lies within offsetMs ± this. */
  boundMs: number;
};

/**
 * The page's clock (performance.timeOrigin + performance.now()) against Date.now(), the clock the server's
 * `new Date()` stamps events with (both read the machine's realtime clock). Cristian's method: the page is read
 * between two local readings, and the tightest round trip bounds the error.
 */
export async function measureClockOffset(page: Page, samples = 15): Promise<ClockOffset> {
  let best: ClockOffset = { offsetMs: Number.NaN, boundMs: Number.POSITIVE_INFINITY };
  for (let i = 0; i < samples; i++) {
    const before = Date.now();
    const browser = (await page.evaluate("performance.timeOrigin + performance.now()")) as number;
    const after = Date.now();
    const bound = (after - before) / 2 + 1;
    if (bound < best.boundMs) best = { offsetMs: browser - (before + after) / 2, boundMs: bound };
  }
  return best;
}
