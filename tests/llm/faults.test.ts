import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlmError, type RetryNotice } from "@/lib/llm";
import { startHarness, userMessage, type Harness } from "./harness";

const ANSWER = "a = int(input())\nprint(a * 2)\n";

describe("faults injected by the mock are survived or reported cleanly", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({});
  });
  afterAll(() => h.close());

  const call = async (fault: Record<string, unknown>, overrides: Record<string, unknown> = {}, retriesSeen: RetryNotice[] = []) => {
    h.mock.setScript({ stages: { initial_code: [fault, { content: ANSWER }] } });
    return h.gateway(overrides).complete({
      stage: "initial_code",
      messages: userMessage("Double it."),
      cache: false,
      onRetry: (r) => retriesSeen.push(r),
    });
  };

  it("waits out a 429 for its Retry-After, then succeeds", async () => {
    const started = Date.now();
    const result = await call({ fault: "rate_limit", retryAfter: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(result.content).toBe(ANSWER);
    expect(result.retries).toBe(1);
    expect(h.mock.chatRequests().map((r) => r.answered)).toEqual(["rate_limit", "content"]);
    const row = await h.db.llmCall.findUniqueOrThrow({ where: { id: result.callId } });
    expect(row.retries).toBe(1);
  });

  it("retries a 500 with backoff", async () => {
    const notices: RetryNotice[] = [];
    const result = await call({ fault: "server_error" }, {}, notices);
    expect(result.content).toBe(ANSWER);
    expect(notices).toHaveLength(1);
    expect(notices[0].reason).toContain("The server had an error (mock-llm)");
  });

  it("abandons a hung request after the timeout and retries", async () => {
    const result = await call({ fault: "hang" }, { timeoutMs: 300 });
    expect(result.content).toBe(ANSWER);
    expect(result.retries).toBe(1);
    expect(h.mock.chatRequests()[0].answered).toBe("hang");
  });

  it("abandons a stream that stalls mid-answer after the inactivity timeout", async () => {
    const notices: RetryNotice[] = [];
    h.mock.setScript({ stages: { initial_code: [{ fault: "hang", content: ANSWER, cutAfter: 12 }, { content: ANSWER }] } });
    const result = await h.gateway({ timeoutMs: 300 }).complete({
      stage: "initial_code",
      messages: userMessage("Double it."),
      cache: false,
      onRetry: (r) => notices.push(r),
      onDelta: () => {},
    });
    expect(result.content).toBe(ANSWER);
    expect(notices[0]).toMatchObject({ discardedOutput: true, reason: "no data from the provider for 300 ms" });
  });

  it("retries a stream cut mid-answer from scratch and says the partial output is void", async () => {
    const notices: RetryNotice[] = [];
    const deltas: string[] = [];
    h.mock.setScript({ stages: { initial_code: [{ fault: "cut", content: ANSWER, cutAfter: 12 }, { content: ANSWER }] } });
    const result = await h.gateway().complete({
      stage: "initial_code",
      messages: userMessage("Double it."),
      cache: false,
      onRetry: (r) => notices.push(r),
      onDelta: (d) => deltas.push(d.text),
    });
    expect(result.content).toBe(ANSWER);
    expect(notices).toHaveLength(1);
    expect(notices[0].discardedOutput).toBe(true);
    expect(deltas.join("")).toBe(ANSWER.slice(0, 12) + ANSWER);
    expect(h.mock.chatRequests().map((r) => r.answered)).toEqual(["cut", "content"]);
  });

  it("retries a garbage response", async () => {
    const result = await call({ fault: "garbage" });
    expect(result.content).toBe(ANSWER);
    expect(result.retries).toBe(1);
  });

  it("reports a truncated answer instead of accepting it", async () => {
    h.mock.setScript({ stages: { initial_code: [{ fault: "truncate", content: ANSWER, cutAfter: 10 }] } });
    const result = await h.gateway().complete({ stage: "initial_code", messages: userMessage("Double it."), cache: false });
    expect(result.truncated).toBe(true);
    expect(result.content).toBe(ANSWER.slice(0, 10));
  });

  it("gives up after maxRetries with the provider's message, and records the failed call", async () => {
    h.mock.setScript({ stages: { initial_code: [{ fault: "server_error", message: "upstream overloaded, try later" }] } });
    const runId = await h.createRun();
    const error = await h
      .gateway({ maxRetries: 2 })
      .complete({ stage: "initial_code", messages: userMessage("Double it."), cache: false, runId })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    const llmError = error as LlmError;
    expect(llmError.message).toContain("upstream overloaded, try later");
    expect(llmError.status).toBe(500);
    expect(llmError.retries).toBe(2);
    expect(h.mock.chatRequests()).toHaveLength(3);
    const row = await h.db.llmCall.findUniqueOrThrow({ where: { id: llmError.callId! } });
    expect(row.error).toContain("upstream overloaded");
    expect(row.retries).toBe(2);
    expect(row.runId).toBe(runId);
  });

  it("does not retry a 400, and a missing script entry fails fast", async () => {
    h.mock.setScript({ stages: { initial_code: [{ fault: "bad_request", message: "context length exceeded" }] } });
    await expect(call({ fault: "bad_request", message: "context length exceeded" })).rejects.toThrow(/400 context length exceeded/);
    expect(h.mock.chatRequests()).toHaveLength(1);
    h.mock.setScript({ stages: {} });
    await expect(
      h.gateway().complete({ stage: "reflect", messages: userMessage("x"), cache: false }),
    ).rejects.toThrow(/no script answer for stage "reflect"/);
  });

  it("refuses a Retry-After longer than the configured maximum instead of sleeping for it", async () => {
    const error = await call({ fault: "rate_limit", retryAfter: 3600 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).message).toMatch(/429 .*retry after 3600 s/);
  });

  it("survives faults scheduled across stages by request number", async () => {
    h.mock.setScript({
      stages: { default: [{ content: "ok" }] },
      faults: [{ every: 2, fault: "server_error" }],
    });
    const gateway = h.gateway();
    const stages = ["reflect", "possible_solutions", "choose_solution"] as const;
    for (const stage of stages) {
      const result = await gateway.complete({ stage, messages: userMessage(stage), cache: false });
      expect(result.content).toBe("ok");
    }
    expect(h.mock.chatRequests().map((r) => r.answered)).toEqual(["content", "server_error", "content", "server_error", "content"]);
  });
});
