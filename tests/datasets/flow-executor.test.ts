import { afterAll, describe, expect, it } from "vitest";
import { createFlowJobExecutor, type FlowExecutorDeps } from "@/lib/datasets/flow-executor";
import type { JobContext } from "@/lib/datasets/job-executor";
import type { ClaimedJob } from "@/lib/datasets/queue/job-queue";
import { tempDatabase } from "../helpers/db";

const t = tempDatabase();
const db = t.db;
afterAll(() => t.cleanup());

async function fixture() {
  const problem = await db.problem.create({ data: { name: `p-${Math.random()}`, description: "d", tags: [], contentHash: "h" } });
  const datasetRun = await db.datasetRun.create({ data: { split: "test", model: "m", provider: "custom", config: { mode: "flow" } } });
  const job: ClaimedJob = { id: "job", key: "k", datasetRunId: datasetRun.id, problemId: problem.id, sampleIndex: 1, attempts: 1, runId: null };
  const attached: string[] = [];
  const context: JobContext = { datasetRun, signal: new AbortController().signal, attachRun: async (runId) => void attached.push(runId) };
  return { problem, datasetRun, job, context, attached };
}

/** Deps that record what they were asked to do; the "flow" sets the run's final status the way the engine would. */
function recordingDeps(finalStatus: "succeeded" | "cancelled") {
  const created: string[] = [];
  const flowed: string[] = [];
  const deps: FlowExecutorDeps = {
    createRun: async (database, input) => {
      const run = await database.run.create({ data: { ...input, config: {}, status: "queued" } });
      created.push(run.id);
      return run.id;
    },
    runFlowById: async (runId) => {
      flowed.push(runId);
      await db.run.update({ where: { id: runId }, data: { status: finalStatus, solved: finalStatus === "succeeded" ? true : null } });
    },
  };
  return { deps, created, flowed };
}

describe("flow job executor", () => {
  it("creates the sample's run once, attaches it, and runs the flow", async () => {
    const { job, context, attached, datasetRun } = await fixture();
    const { deps, created, flowed } = recordingDeps("succeeded");
    const outcome = await createFlowJobExecutor(db, deps)(job, context);
    expect(outcome).toEqual({ kind: "finished", runId: created[0], status: "succeeded", solved: true, error: null });
    expect(attached).toEqual(created);
    expect(flowed).toEqual(created);
    const run = await db.run.findUniqueOrThrow({ where: { id: created[0] } });
    expect(run).toMatchObject({ datasetRunId: datasetRun.id, sampleIndex: 1 });
  });

  it("does not run a sample whose run already finished, and reuses an orphaned run instead of creating one", async () => {
    const { job, context, problem, datasetRun } = await fixture();
    const finished = await db.run.create({
      data: { problemId: problem.id, datasetRunId: datasetRun.id, sampleIndex: 1, provider: "custom", model: "m", config: {}, status: "succeeded", solved: false },
    });
    const { deps, created, flowed } = recordingDeps("succeeded");
    const outcome = await createFlowJobExecutor(db, deps)({ ...job, runId: null }, context);
    expect(outcome).toMatchObject({ kind: "finished", runId: finished.id, solved: false });
    expect(created).toEqual([]);
    expect(flowed).toEqual([]);
  });

  it("reports a run the signal stopped as interrupted, so the job goes back to the queue", async () => {
    const { job, context } = await fixture();
    const { deps } = recordingDeps("cancelled");
    const outcome = await createFlowJobExecutor(db, deps)(job, context);
    expect(outcome.kind).toBe("interrupted");
  });

  it("leaves a failed run detached by a retry alone and starts a fresh one", async () => {
    const { job, context, problem, datasetRun } = await fixture();
    await db.run.create({
      data: { problemId: problem.id, datasetRunId: datasetRun.id, sampleIndex: 1, provider: "custom", model: "m", config: {}, status: "failed" },
    });
    const { deps, created } = recordingDeps("succeeded");
    const outcome = await createFlowJobExecutor(db, deps)(job, context);
    expect(created).toHaveLength(1);
    expect(outcome).toMatchObject({ kind: "finished", runId: created[0], status: "succeeded" });
  });
});
