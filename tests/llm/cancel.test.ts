import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlmError } from "@/lib/llm";
import { startHarness, userMessage, type Harness } from "./harness";

const LONG = Array.from({ length: 400 }, (_, i) => `word${i}`).join(" ");

describe("cancellation through AbortSignal", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ stages: { default: [{ content: LONG, tokensPerSecond: 200 }] } });
  });
  afterAll(() => h.close());

  it("stops a call mid-stream, closes the connection and records the cancelled call", async () => {
    const controller = new AbortController();
    let received = "";
    const started = Date.now();
    const error = await h
      .gateway()
      .complete({
        stage: "initial_code",
        messages: userMessage("long"),
        signal: controller.signal,
        onDelta: (d) => {
          received += d.text;
          if (received.length > 40) controller.abort();
        },
      })
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).kind).toBe("aborted");
    expect((error as LlmError).retries).toBe(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.mock.chatRequests()[0].answered).toBe("client_closed");
    const row = await h.db.llmCall.findUniqueOrThrow({ where: { id: (error as LlmError).callId! } });
    expect(row.error).toMatch(/^aborted/);
  });

  it("stops during a retry backoff", async () => {
    h.mock.setScript({ stages: { default: [{ fault: "rate_limit", retryAfter: 1.5 }, { content: "late" }] } });
    const controller = new AbortController();
    const started = Date.now();
    const pending = h.gateway().complete({
      stage: "reflect",
      messages: userMessage("x"),
      signal: controller.signal,
      cache: false,
      onRetry: () => setTimeout(() => controller.abort(), 50),
    });
    await expect(pending).rejects.toMatchObject({ kind: "aborted", retries: 1 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(h.mock.chatRequests()).toHaveLength(1);
  });

  it("stops a call still waiting for a concurrency slot without sending it", async () => {
    h.mock.setScript({ stages: { default: [{ content: LONG.slice(0, 400), tokensPerSecond: 300 }] } });
    const gateway = h.gateway({ concurrency: 1 });
    const busy = gateway.complete({ stage: "reflect", messages: userMessage("first"), cache: false });
    const controller = new AbortController();
    const queued = gateway.complete({ stage: "reflect", messages: userMessage("second"), cache: false, signal: controller.signal });
    await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    await expect(queued).rejects.toMatchObject({ kind: "aborted" });
    await busy;
    expect(h.mock.chatRequests()).toHaveLength(1);
  });
});
