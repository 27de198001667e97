import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockLlm } from "@/e2e/mock-llm/server";
import type { LlmDelta } from "@/lib/llm";
import { startHarness, userMessage, type Harness } from "./harness";

const SCRIPT = {
  stages: {
    reflect: [{ content: "self_reflection: [first]", reasoning: "hmm" }, { content: "self_reflection: [second]" }],
    default: [{ content: "ok" }],
  },
};

describe("the content-addressed response cache", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(SCRIPT);
  });
  afterAll(() => h.close());

  const reflect = (extra: Record<string, unknown> = {}, gateway = h.gateway()) =>
    gateway.complete({ stage: "reflect", messages: userMessage("Problem 7"), temperature: 0.2, ...extra });

  it("serves an identical re-run with zero requests, recorded as a cache hit and replayed", async () => {
    const runA = await h.createRun();
    const first = await reflect({ runId: runA });
    expect(first.cacheHit).toBe(false);
    expect(h.mock.chatRequests()).toHaveLength(1);

    // A fresh server on another port: the cache must not depend on the endpoint, only on what decides the answer.
    const other = await startMockLlm({ script: SCRIPT, port: 0 });
    try {
      const runB = await h.createRun();
      const deltas: LlmDelta[] = [];
      const again = await reflect({ runId: runB, onDelta: (d: LlmDelta) => deltas.push(d) }, h.gateway({ baseUrl: other.baseUrl }));
      expect(other.requests).toHaveLength(0);
      expect(again.cacheHit).toBe(true);
      expect(again.content).toBe(first.content);
      expect(again.reasoning).toBe("hmm");
      expect(again.costUsd).toBe(0);
      expect(again.usage).toEqual(first.usage);
      expect(deltas).toEqual([
        { kind: "reasoning", text: "hmm" },
        { kind: "content", text: first.content },
      ]);
      const row = await h.db.llmCall.findUniqueOrThrow({ where: { id: again.callId } });
      expect(row).toMatchObject({ cacheHit: true, runId: runB, costUsd: 0, response: first.content });
      const firstRow = await h.db.llmCall.findUniqueOrThrow({ where: { id: first.callId } });
      expect(row.cacheKey).toBe(firstRow.cacheKey);
    } finally {
      await other.close();
    }
    expect(h.mock.chatRequests()).toHaveLength(1);
  });

  it("misses for another sample index, another attempt, other parameters, or when switched off", async () => {
    h.mock.reset();
    const sample1 = await reflect({ sampleIndex: 1 });
    expect(sample1.cacheHit).toBe(false);
    const attempt1 = await reflect({ attempt: 1 });
    expect(attempt1.cacheHit).toBe(false);
    const hotter = await reflect({ temperature: 0.7 });
    expect(hotter.cacheHit).toBe(false);
    const off = await reflect({ cache: false });
    expect(off.cacheHit).toBe(false);
    expect(h.mock.chatRequests()).toHaveLength(4);
    const keys = await h.db.llmCall.findMany({ where: { id: { in: [sample1.callId, attempt1.callId, hotter.callId] } }, select: { cacheKey: true } });
    expect(new Set(keys.map((k) => k.cacheKey)).size).toBe(3);

    const sample1Again = await reflect({ sampleIndex: 1 });
    expect(sample1Again.cacheHit).toBe(true);
    expect(sample1Again.content).toBe(sample1.content);
    expect(h.mock.chatRequests()).toHaveLength(4);
  });

  it("can be switched off for a whole gateway", async () => {
    h.mock.reset();
    const gateway = h.gateway({ cache: false });
    await gateway.complete({ stage: "baseline", messages: userMessage("no cache") });
    await gateway.complete({ stage: "baseline", messages: userMessage("no cache") });
    expect(h.mock.chatRequests()).toHaveLength(2);
  });
});
