import type { Db } from "@/lib/db/client";
import type { JobExecutor } from "../job-executor";
import { DbJobQueue } from "../queue/db-queue";
import { newWorkerId } from "../queue/worker-id";
import { runClaimedJob } from "../run-job";
import { datasetSpendUsd } from "../spend";
import { finishIfComplete } from "./finish";
import { migrateGraphile, startSlots, type SamplePayload } from "./graphile";
import { reapDeadWorkers } from "./reaper";
import { DEFAULT_WORKER_LEASE_MS, heartbeatWorker, markWorkerStopped, recordSlots, registerWorker, type CurrentJob } from "./worker-registry";

export type WorkerOptions = {
  url: string;
  concurrency: number;
  execute: JobExecutor;
  /** A worker silent for this long is presumed dead and its jobs are taken back (also the job lease). */
  leaseMs?: number;
  pollIntervalMs?: number;
  workerId?: string;
  log?: (line: string) => void;
};

export type WorkerHandle = {
  id: string;
  /** Stops taking jobs; running samples are given back and resume on another worker. */
  stop: () => Promise<void>;
  /** Settles when the worker stopped, by stop() or because it was declared dead while paused. */
  stopped: Promise<void>;
};

/** Dataset runs that are not being worked on: their deliveries are dropped until a resume dispatches them again. */
const HALTED = new Set(["stopped", "budget_exhausted", "failed", "succeeded"]);

/**
 * One `alphaflow worker` process's engine: graphile-worker slots that run samples through the same job code as
 * the in-process runner, a heartbeat in the Worker table, and a reaper that hands dead workers' jobs to the living.
 */
export async function startWorker(db: Db, options: WorkerOptions): Promise<WorkerHandle> {
  const id = options.workerId ?? newWorkerId();
  const leaseMs = options.leaseMs ?? DEFAULT_WORKER_LEASE_MS;
  const log = options.log ?? (() => undefined);
  const ledger = new DbJobQueue(db);
  const stopController = new AbortController();
  const current = new Map<string, CurrentJob>();
  let jobsDone = 0;

  await migrateGraphile(options.url);
  await registerWorker(db, id, options.concurrency);

  const handle = async ({ key, datasetRunId }: SamplePayload) => {
    const datasetRun = await db.datasetRun.findUnique({ where: { id: datasetRunId } });
    if (!datasetRun || HALTED.has(datasetRun.status)) return;
    if (datasetRun.budgetUsd !== null && (await datasetSpendUsd(db, datasetRunId)) >= datasetRun.budgetUsd) {
      await db.datasetRun.updateMany({
        where: { id: datasetRunId, status: "running" },
        data: { status: "budget_exhausted", finishedAt: new Date(), error: `budget of $${datasetRun.budgetUsd} spent` },
      });
      return;
    }
    const job = await ledger.claimKey(key, id);
    if (!job) return;
    current.set(key, { key, runId: job.runId, since: new Date().toISOString() });
    try {
      const end = await runClaimedJob(job, {
        db,
        queue: ledger,
        workerId: id,
        datasetRun,
        leaseMs,
        stopSignal: stopController.signal,
        execute: (claimed, context) =>
          options.execute(claimed, {
            ...context,
            attachRun: async (runId) => {
              current.set(key, { key, runId, since: current.get(key)?.since ?? new Date().toISOString() });
              await context.attachRun(runId);
            },
          }),
        shouldStop: async () => {
          const now = await db.datasetRun.findUnique({ where: { id: datasetRunId }, select: { status: true } });
          return !now || HALTED.has(now.status);
        },
      });
      log(`${key}: ${end}`);
      if (end === "released" && stopController.signal.aborted) {
        // Thrown so graphile-worker delivers the sample again (to another worker) rather than count it as done.
        throw new Error("the worker stopped before the sample finished; it resumes on the next delivery");
      }
      if (end !== "released" && end !== "lease_lost") jobsDone += 1;
      await finishIfComplete(db, datasetRunId);
    } finally {
      current.delete(key);
    }
  };

  let resolveStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
  let slots: { slotIds: string[]; stop: () => Promise<void> } | null = null;
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      stopController.abort();
      clearInterval(heartbeat);
      clearInterval(reaper);
      await slots?.stop();
      await markWorkerStopped(db, id, jobsDone);
      resolveStopped();
    })();
    return stopping;
  };

  const heartbeat = setInterval(() => {
    void heartbeatWorker(db, id, { currentJobs: [...current.values()], jobsDone }).then((alive) => {
      if (!alive) {
        log("declared dead by another worker after a pause: stopping (its samples run elsewhere now)");
        void stop();
      }
    }, (error: unknown) => log(`heartbeat failed: ${error instanceof Error ? error.message : String(error)}`));
  }, Math.max(200, Math.floor(leaseMs / 5)));
  const reaper = setInterval(() => {
    void reapDeadWorkers(db, options.url, leaseMs).then(
      (reaped) => reaped.forEach((r) => log(`worker ${r.workerId} presumed dead: ${r.requeued.length} sample(s) handed over`)),
      (error: unknown) => log(`reaper failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }, Math.max(500, Math.floor(leaseMs / 2)));

  try {
    await reapDeadWorkers(db, options.url, leaseMs);
    slots = await startSlots(options.url, options.concurrency, handle, options.pollIntervalMs);
    await recordSlots(db, id, slots.slotIds);
  } catch (error) {
    await stop();
    throw error;
  }
  return { id, stop, stopped };
}
