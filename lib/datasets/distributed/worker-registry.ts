import os from "node:os";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export type CurrentJob = { key: string; runId: string | null; since: string };

export type WorkerStatus = {
  id: string;
  host: string;
  pid: number;
  concurrency: number;
  busy: number;
  jobsDone: number;
  currentJobs: CurrentJob[];
  startedAt: string;
  heartbeatAt: string;
  stoppedAt: string | null;
  alive: boolean;
};

/** How long a silent worker is still taken for alive; past it, its jobs go to the others. */
export const DEFAULT_WORKER_LEASE_MS = 15_000;

export async function registerWorker(db: Db, id: string, concurrency: number): Promise<void> {
  await db.worker.create({
    data: { id, host: os.hostname(), pid: process.pid, concurrency, currentJobs: [], heartbeatAt: new Date() },
  });
}

/** False when the worker was declared dead meanwhile (a long pause): it must stop, its jobs are elsewhere now. */
export async function heartbeatWorker(db: Db, id: string, state: { currentJobs: CurrentJob[]; jobsDone: number }): Promise<boolean> {
  const { count } = await db.worker.updateMany({
    where: { id, stoppedAt: null },
    data: {
      heartbeatAt: new Date(),
      busy: state.currentJobs.length,
      jobsDone: state.jobsDone,
      currentJobs: state.currentJobs as Prisma.InputJsonValue,
    },
  });
  return count === 1;
}

export async function recordSlots(db: Db, id: string, slotIds: string[]): Promise<void> {
  await db.worker.update({ where: { id }, data: { slotIds } });
}

export async function markWorkerStopped(db: Db, id: string, jobsDone: number): Promise<void> {
  await db.worker.updateMany({ where: { id, stoppedAt: null }, data: { stoppedAt: new Date(), busy: 0, currentJobs: [], jobsDone } });
}

/**
 * Claims the right to clean up after a worker whose heartbeat is older than the lease: exactly one caller gets
 * true for a given dead worker, however many reapers race.
 */
export async function declareDead(db: Db, id: string, leaseMs: number): Promise<boolean> {
  const { count } = await db.worker.updateMany({
    where: { id, stoppedAt: null, heartbeatAt: { lt: new Date(Date.now() - leaseMs) } },
    data: { stoppedAt: new Date() },
  });
  return count === 1;
}

/** Workers seen in the last hour (and every live one), newest first, for the datasets page and the CLI. */
export async function listWorkers(db: Db, leaseMs = DEFAULT_WORKER_LEASE_MS, now = new Date()): Promise<WorkerStatus[]> {
  const rows = await db.worker.findMany({
    where: { OR: [{ stoppedAt: null }, { stoppedAt: { gt: new Date(now.getTime() - 3_600_000) } }] },
    orderBy: { startedAt: "desc" },
  });
  return rows.map((row) => ({
    id: row.id,
    host: row.host,
    pid: row.pid,
    concurrency: row.concurrency,
    busy: row.stoppedAt ? 0 : row.busy,
    jobsDone: row.jobsDone,
    currentJobs: row.stoppedAt ? [] : (row.currentJobs as CurrentJob[]),
    startedAt: row.startedAt.toISOString(),
    heartbeatAt: row.heartbeatAt.toISOString(),
    stoppedAt: row.stoppedAt?.toISOString() ?? null,
    alive: row.stoppedAt === null && now.getTime() - row.heartbeatAt.getTime() < leaseMs,
  }));
}
