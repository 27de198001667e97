import { describe, expect, it } from "vitest";
import { ProviderLimiter } from "./limiter";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("ProviderLimiter", () => {
  it("holds requests over the concurrency limit until a slot frees, in arrival order", async () => {
    const limiter = new ProviderLimiter({ concurrency: 1 });
    const order: number[] = [];
    const first = await limiter.acquire(0);
    const second = limiter.acquire(0).then((release) => (order.push(2), release));
    const third = limiter.acquire(0).then((release) => (order.push(3), release));
    await tick(10);
    expect(order).toEqual([]);
    first();
    (await second)();
    (await third)();
    expect(order).toEqual([2, 3]);
    expect(limiter.inFlight()).toBe(0);
  });

  it("spaces requests to the per-window request limit", async () => {
    const limiter = new ProviderLimiter({ concurrency: 10, requestsPerMinute: 2, windowMs: 200 });
    const started = Date.now();
    for (let i = 0; i < 3; i++) (await limiter.acquire(0))();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("waits for the token window, and lets one oversized request through an empty window", async () => {
    const limiter = new ProviderLimiter({ concurrency: 10, tokensPerMinute: 100, windowMs: 200 });
    const started = Date.now();
    (await limiter.acquire(500))();
    expect(Date.now() - started).toBeLessThan(50);
    (await limiter.acquire(10))();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("counts the actual tokens given at release", async () => {
    const limiter = new ProviderLimiter({ concurrency: 10, tokensPerMinute: 100, windowMs: 200 });
    const started = Date.now();
    (await limiter.acquire(90))(5);
    (await limiter.acquire(90))();
    expect(Date.now() - started).toBeLessThan(50);
  });

  it("pauses every caller after a Retry-After", async () => {
    const limiter = new ProviderLimiter({ concurrency: 10 });
    limiter.pauseFor(150);
    const started = Date.now();
    (await limiter.acquire(0))();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("drops a waiter whose signal aborts", async () => {
    const limiter = new ProviderLimiter({ concurrency: 1 });
    const held = await limiter.acquire(0);
    const controller = new AbortController();
    const waiting = limiter.acquire(0, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ kind: "aborted" });
    held();
    (await limiter.acquire(0))();
  });
});
