import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { resumeReply, stopReply } from "@/lib/datasets/api";
import { createDatasetRun } from "@/lib/datasets/create-dataset-run";
import { dispatchDatasetRun } from "@/lib/datasets/distributed/dispatch";
import { startWorker, type WorkerHandle } from "@/lib/datasets/distributed/worker";
import type { JobExecutor } from "@/lib/datasets/job-executor";
import { createProblem } from "@/lib/problems/repository";
import { missingPostgres, tempPostgresDatabase } from "../helpers/postgres";

/** Executors stand in for the flow here (the e2e scale-out test runs the real one); they record what ran. */
function recordingExecutor(ran: string[], holdMs: number): JobExecutor {
  return async (job, context) => {
    ran.push(job.key);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, holdMs);
      context.signal.addEventListener("abort", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (context.signal.aborted) return { kind: "interrupted", runId: null };
    return { kind: "finished", runId: `run-${job.key}`, status: "succeeded", solved: false, error: null };
  };
}

async function waitForStatus(db: Db, id: string, status: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await db.datasetRun.findUniqueOrThrow({ where: { id } })).status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`dataset run ${id} did not reach ${status}`);
}

describe.skipIf(missingPostgres())("cluster workers (graphile-worker on Postgres)", () => {
  let t: { db: Db; url: string; cleanup: () => Promise<void> };
  const workers: WorkerHandle[] = [];
  beforeAll(async () => {
    t = await tempPostgresDatabase();
    for (const name of ["W_A", "W_B", "W_C"]) {
      await createProblem(t.db, { name, description: name, publicTests: [{ input: "1\n", output: "1\n" }], privateTests: [{ input: "2\n", output: "2\n" }] });
    }
    await t.db.problem.updateMany({ data: { split: "w" } });
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await t?.cleanup();
  });

  const newDatasetRun = async (k: number, stopOnSolve: boolean) =>
    (await createDatasetRun(t.db, { split: "w", problems: ["W_A", "W_B", "W_C"], k, concurrency: 2, stopOnSolve, mode: "flow", includeUnscorable: true, config: {}, configLabel: "test" } as never, { config: {}, model: "m", provider: "custom" })).datasetRunId;

  it("two workers share the samples; each runs once even when the run is dispatched twice", async () => {
    const ran: string[] = [];
    const execute = recordingExecutor(ran, 150);
    workers.push(await startWorker(t.db, { url: t.url, concurrency: 2, execute, leaseMs: 5_000, pollIntervalMs: 200 }));
    workers.push(await startWorker(t.db, { url: t.url, concurrency: 2, execute, leaseMs: 5_000, pollIntervalMs: 200 }));
    const id = await newDatasetRun(2, false);
    await dispatchDatasetRun(t.db, t.url, id);
    await dispatchDatasetRun(t.db, t.url, id);
    await waitForStatus(t.db, id, "succeeded");
    expect(ran.sort()).toEqual((await t.db.job.findMany({ where: { datasetRunId: id } })).map((job) => job.key).sort());
    expect(await t.db.job.count({ where: { datasetRunId: id, status: "done" } })).toBe(6);
    const ids = workers.map((worker) => worker.id);
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
    const rows = await t.db.worker.findMany({ where: { id: { in: ids } } });
    expect(rows.every((row) => row.stoppedAt !== null && row.busy === 0)).toBe(true);
    // Both took part (6 samples, 2 slots each, 150 ms per sample) and together did each sample once.
    expect(rows.map((row) => row.jobsDone).every((done) => done > 0)).toBe(true);
    expect(rows.reduce((sum, row) => sum + row.jobsDone, 0)).toBe(6);
  });

  it("a stopped dataset run gives its running samples back within a heartbeat; a resume finishes it", async () => {
    const ran: string[] = [];
    const id = await newDatasetRun(1, false);
    const slow = await startWorker(t.db, { url: t.url, concurrency: 3, execute: recordingExecutor(ran, 60_000), leaseMs: 1_500, pollIntervalMs: 200 });
    await dispatchDatasetRun(t.db, t.url, id);
    const deadline = Date.now() + 20_000;
    while ((await t.db.job.count({ where: { datasetRunId: id, status: "running" } })) < 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Running on the cluster: a second resume is refused, whichever server is asked.
    expect((await resumeReply(t.db, id, {}, recordingExecutor(ran, 0))).status).toBe(409);
    expect((await stopReply(t.db, id)).status).toBe(200);
    const stoppedAt = Date.now();
    while ((await t.db.job.count({ where: { datasetRunId: id, status: "queued" } })) < 3 && Date.now() - stoppedAt < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await t.db.job.count({ where: { datasetRunId: id, status: "queued" } })).toBe(3);
    expect((await t.db.datasetRun.findUniqueOrThrow({ where: { id } })).status).toBe("stopped");
    await slow.stop();

    const fast = await startWorker(t.db, { url: t.url, concurrency: 2, execute: recordingExecutor(ran, 50), leaseMs: 5_000, pollIntervalMs: 200 });
    workers.push(fast);
    await dispatchDatasetRun(t.db, t.url, id);
    await waitForStatus(t.db, id, "succeeded");
    expect(await t.db.job.count({ where: { datasetRunId: id, status: "done" } })).toBe(3);
  });
});
