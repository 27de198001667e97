import type { Db } from "@/lib/db/client";
import { DbJobQueue } from "../queue/db-queue";
import { unlockSlots } from "./graphile";
import { isDeadLocalWorker } from "../queue/worker-id";
import { declareDead } from "./worker-registry";

/**
 * Hands the work of dead workers to the living. graphile-worker alone would keep a crashed worker's job locked
 * for hours; every worker therefore heartbeats in the Worker table, and any worker that sees a heartbeat older
 * than the lease declares that worker dead (one reaper wins), puts its ledger jobs back to `queued` and unlocks
 * its graphile slots, so the job is delivered again at once. The retried job finds its run attached and resumes
 * it: finished stages are skipped and finished LLM calls are answered by the cache.
 */
export async function reapDeadWorkers(db: Db, url: string, leaseMs: number): Promise<{ workerId: string; requeued: string[] }[]> {
  const reaped: { workerId: string; requeued: string[] }[] = [];
  const ledger = new DbJobQueue(db);
  for (const worker of await workersToReap(db, leaseMs)) {
    if (!(await declareDead(db, worker.id, worker.leaseMs))) continue;
    const requeued = await ledger.requeueWorker(worker.id);
    await unlockSlots(url, worker.slotIds);
    reaped.push({ workerId: worker.id, requeued });
  }
  return reaped;
}

/** Silent past the lease, or (on this machine) whose process is gone: a kill -9 need not wait for the lease. */
async function workersToReap(db: Db, leaseMs: number): Promise<{ id: string; slotIds: string[]; leaseMs: number }[]> {
  const live = await db.worker.findMany({ where: { stoppedAt: null }, select: { id: true, slotIds: true, heartbeatAt: true } });
  const cutoff = Date.now() - leaseMs;
  return live.flatMap((worker) => {
    const slotIds = Array.isArray(worker.slotIds) ? worker.slotIds.filter((id): id is string => typeof id === "string") : [];
    if (isDeadLocalWorker(worker.id)) return [{ id: worker.id, slotIds, leaseMs: 0 }];
    return worker.heartbeatAt.getTime() < cutoff ? [{ id: worker.id, slotIds, leaseMs }] : [];
  });
}
