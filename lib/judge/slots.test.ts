import { describe, expect, it } from "vitest";
import { SlotPool } from "./slots";

describe("SlotPool", () => {
  it("never lets more than its size run at once", async () => {
    const pool = new SlotPool(2);
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        const release = await pool.acquire();
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        release();
      }),
    );
    expect(peak).toBe(2);
  });

  it("gives up a queued wait when aborted", async () => {
    const pool = new SlotPool(1);
    const release = await pool.acquire();
    const controller = new AbortController();
    const waiting = pool.acquire(controller.signal);
    controller.abort(new Error("gone"));
    await expect(waiting).rejects.toThrow("gone");
    release();
    const again = await pool.acquire();
    again();
  });
});
