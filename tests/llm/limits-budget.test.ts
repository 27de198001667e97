import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BudgetExceededError, llmTotals, llmTotalsByStage } from "@/lib/llm";
import { startHarness, userMessage, type Harness } from "./harness";

describe("process-wide limits, budgets and accounting", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ stages: { default: [{ content: "answer ".repeat(30), tokensPerSecond: 400 }] } });
  });
  afterAll(() => h.close());

  it("keeps in-flight requests to the provider's concurrency limit across gateways", async () => {
    // Two gateways on the same endpoint share one limiter, as concurrent runs in one process do.
    const a = h.gateway({ concurrency: 2 });
    const b = h.gateway({ concurrency: 2 });
    const calls = Array.from({ length: 6 }, (_, i) =>
      (i % 2 ? a : b).complete({ stage: "reflect", messages: userMessage(`run ${i}`), cache: false }),
    );
    await Promise.all(calls);
    expect(h.mock.chatRequests()).toHaveLength(6);
    expect(h.mock.maxInFlight()).toBe(2);
  });

  it("stops a run cleanly before the call that would start over its budget", async () => {
    h.mock.setScript({ stages: { default: [{ content: "ok", usage: { prompt_tokens: 100_000, completion_tokens: 10_000 } }] } });
    const runId = await h.createRun();
    const gateway = h.gateway({ prices: { input: 1, cachedInput: 1, output: 1, reasoning: 1 } });
    const first = await gateway.complete({ stage: "reflect", messages: userMessage("a"), runId, budgetUsd: 0.1, cache: false });
    expect(first.costUsd).toBeCloseTo(0.11, 10);
    const before = h.mock.chatRequests().length;
    const error = await gateway
      .complete({ stage: "possible_solutions", messages: userMessage("b"), runId, budgetUsd: 0.1, cache: false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect((error as BudgetExceededError).spentUsd).toBeCloseTo(0.11, 10);
    expect(h.mock.chatRequests().length).toBe(before);
    expect(await h.db.llmCall.count({ where: { runId } })).toBe(1);
  });

  it("rolls totals up per stage, run and dataset run", async () => {
    h.mock.setScript({ stages: { default: [{ content: "ok", usage: { prompt_tokens: 50, completion_tokens: 5 } }] } });
    const runId = await h.createRun();
    const gateway = h.gateway({ prices: { input: 1, cachedInput: 0, output: 2, reasoning: 2 } });
    const datasetRunId = "ds-1";
    await gateway.complete({ stage: "reflect", messages: userMessage("t1"), runId, datasetRunId });
    await gateway.complete({ stage: "reflect", messages: userMessage("t2"), runId, datasetRunId });
    await gateway.complete({ stage: "ai_tests", messages: userMessage("t3"), runId, datasetRunId });
    await gateway.complete({ stage: "ai_tests", messages: userMessage("t3"), runId, datasetRunId });

    const run = await llmTotals(h.db, { runId });
    expect(run).toMatchObject({ calls: 4, cacheHits: 1, failed: 0, promptTokens: 200, completionTokens: 20 });
    expect(run.costUsd).toBeCloseTo((3 * (50 + 10)) / 1e6, 12);
    const byStage = await llmTotalsByStage(h.db, { runId });
    expect(Object.keys(byStage).sort()).toEqual(["ai_tests", "reflect"]);
    expect(byStage.reflect).toMatchObject({ calls: 2, cacheHits: 0, promptTokens: 100 });
    expect(byStage.ai_tests).toMatchObject({ calls: 2, cacheHits: 1 });
    expect(await llmTotals(h.db, { datasetRunId })).toEqual(run);
  });
});
