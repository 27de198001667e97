import type { Db } from "@/lib/db/client";
import type { DatasetRun } from "@/lib/db/generated/client";
import { DatasetRunNotFoundError } from "./errors";
import type { JobExecutor } from "./job-executor";
import { readProgress } from "./progress";
import { runClaimedJob } from "./run-job";
import { DbJobQueue } from "./queue/db-queue";
import type { ClaimedJob, JobQueue } from "./queue/job-queue";
import { newWorkerId } from "./queue/worker-id";
import type { DatasetProgress, DatasetRunStatus } from "./schema";
import { datasetSpendUsd } from "./spend";

export const DEFAULT_LEASE_MS = 30_000;
const DEFAULT_TICK_MS = 1_000;

export type RunnerOptions = {
  execute: JobExecutor;
  queue?: JobQueue;
  workerId?: string;
  /** A running job whose heartbeat is older than this is taken back by the next runner. */
  leaseMs?: number;
  /** Progress and budget are checked this often while jobs run. */
  tickMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: DatasetProgress) => void;
};

export type RunnerResult = { status: DatasetRunStatus; progress: DatasetProgress };

type StopReason = "signal" | "budget";

/**
 * Runs the queued jobs of a dataset run with `concurrency` jobs at a time until none is left, the signal aborts
 * (jobs in flight are given back to the queue, their runs resume later) or the budget is spent. Starting it again
 * on the same dataset run is how resume works: finished jobs stay finished, stale leases are taken back.
 */
export async function runDatasetRun(db: Db, datasetRunId: string, options: RunnerOptions): Promise<RunnerResult> {
  const queue = options.queue ?? new DbJobQueue(db);
  const workerId = options.workerId ?? newWorkerId();
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const tickMs = options.tickMs ?? DEFAULT_TICK_MS;

  const found = await db.datasetRun.findUnique({ where: { id: datasetRunId } });
  if (!found) throw new DatasetRunNotFoundError(datasetRunId);
  const datasetRun = await db.datasetRun.update({
    where: { id: datasetRunId },
    data: { status: "running", startedAt: new Date(), finishedAt: null, error: null },
  });
  await queue.requeueStale(datasetRunId, leaseMs);

  const stop = new AbortController();
  let stopReason: StopReason | null = null;
  const halt = (reason: StopReason) => {
    stopReason ??= reason;
    stop.abort();
  };
  const onAbort = () => halt("signal");
  if (options.signal?.aborted) halt("signal");
  options.signal?.addEventListener("abort", onAbort, { once: true });

  const overBudget = async () =>
    datasetRun.budgetUsd !== null && (await datasetSpendUsd(db, datasetRunId)) >= datasetRun.budgetUsd;
  const report = async () => options.onProgress?.(await readProgress(db, datasetRunId));
  const wakers = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of [...wakers]) wake();
  };

  const ticker = setInterval(() => {
    void (async () => {
      if (await overBudget()) halt("budget");
      await report();
    })().catch(() => undefined);
  }, tickMs);

  const worker = async () => {
    while (!stop.signal.aborted) {
      if (await overBudget()) {
        halt("budget");
        break;
      }
      const job = await queue.claim({ datasetRunId, workerId, serialPerProblem: datasetRun.stopOnSolve });
      if (!job) {
        const counts = await queue.counts(datasetRunId);
        if (counts.queued === 0) break;
        await queue.requeueStale(datasetRunId, leaseMs);
        await waitForWake(wakers, tickMs, stop.signal);
        continue;
      }
      await runJob(job);
      wakeAll();
      await report();
    }
  };

  const runJob = (job: ClaimedJob) =>
    runClaimedJob(job, { db, queue, workerId, datasetRun, execute: options.execute, leaseMs, stopSignal: stop.signal });

  try {
    await Promise.all(Array.from({ length: datasetRun.concurrency }, worker));
    const status = await finalStatus(queue, datasetRun, stopReason);
    await db.datasetRun.update({
      where: { id: datasetRunId },
      data: {
        status,
        ...(status !== "running" && { finishedAt: new Date() }),
        error: stopReason === "budget" ? `budget of $${datasetRun.budgetUsd} spent` : null,
      },
    });
    const progress = await readProgress(db, datasetRunId);
    options.onProgress?.(progress);
    return { status, progress };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.datasetRun.update({ where: { id: datasetRunId }, data: { status: "failed", error: message, finishedAt: new Date() } });
    throw error;
  } finally {
    clearInterval(ticker);
    options.signal?.removeEventListener("abort", onAbort);
  }
}

async function finalStatus(queue: JobQueue, datasetRun: DatasetRun, stopReason: StopReason | null): Promise<DatasetRunStatus> {
  if (stopReason === "budget") return "budget_exhausted";
  if (stopReason === "signal") return "stopped";
  const counts = await queue.counts(datasetRun.id);
  if (counts.queued === 0 && counts.running === 0) return "succeeded";
  // Jobs still held by another worker (another process sharing the database): the dataset run is not over.
  return counts.running > 0 ? "running" : "stopped";
}

function waitForWake(wakers: Set<() => void>, timeoutMs: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      wakers.delete(done);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    wakers.add(done);
    signal.addEventListener("abort", done, { once: true });
  });
}
