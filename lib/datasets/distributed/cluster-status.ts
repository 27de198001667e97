import { providerOf, type Db } from "@/lib/db/client";
import { DEFAULT_WORKER_LEASE_MS, listWorkers, type WorkerStatus } from "./worker-registry";

export type ClusterStatus = {
  mode: "embedded" | "cluster";
  /** When this was read: heartbeat ages are relative to it. */
  at: string;
  workers: WorkerStatus[];
  aliveWorkers: number;
  /** Slots of live workers, and how many are running a sample now. */
  slots: number;
  busySlots: number;
  /** Samples waiting in dataset runs that are running. */
  queueDepth: number;
  running: number;
  /** Samples finished (done or failed) per minute over the last window. */
  throughputPerMinute: number;
  windowMinutes: number;
  /** Time to drain the queue at that pace; null when nothing finished in the window. */
  etaMs: number | null;
};

const WINDOW_MINUTES = 5;

/** What the datasets page shows about the workers and the shared queue, read from the database alone. */
export async function clusterStatus(db: Db, now = new Date()): Promise<ClusterStatus> {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const [workers, queueDepth, running, finished] = await Promise.all([
    listWorkers(db, DEFAULT_WORKER_LEASE_MS, now),
    db.job.count({ where: { status: "queued", datasetRun: { status: "running" } } }),
    db.job.count({ where: { status: "running" } }),
    db.job.count({ where: { status: { in: ["done", "failed"] }, updatedAt: { gte: since } } }),
  ]);
  const alive = workers.filter((worker) => worker.alive);
  const throughputPerMinute = finished / WINDOW_MINUTES;
  const remaining = queueDepth + running;
  return {
    mode: providerOf(db) === "postgresql" ? "cluster" : "embedded",
    at: now.toISOString(),
    workers,
    aliveWorkers: alive.length,
    slots: alive.reduce((sum, worker) => sum + worker.concurrency, 0),
    busySlots: alive.reduce((sum, worker) => sum + worker.busy, 0),
    queueDepth,
    running,
    throughputPerMinute,
    windowMinutes: WINDOW_MINUTES,
    etaMs: remaining === 0 ? 0 : throughputPerMinute > 0 ? Math.round((remaining / throughputPerMinute) * 60_000) : null,
  };
}
