import type { Db } from "@/lib/db/client";
import { DatasetRunNotFoundError } from "../errors";
import { DbJobQueue } from "../queue/db-queue";
import { finishIfComplete } from "./finish";
import { dispatchSamples, migrateGraphile } from "./graphile";

/**
 * Starts (or resumes) a dataset run on the cluster: marks it running and offers every queued sample to the workers.
 * Samples already delivered and still pending are not offered twice (graphile job keys); finished ones stay.
 */
export async function dispatchDatasetRun(db: Db, url: string, datasetRunId: string, options: { retryFailed?: boolean } = {}): Promise<{ dispatched: number; requeued: number }> {
  const datasetRun = await db.datasetRun.findUnique({ where: { id: datasetRunId } });
  if (!datasetRun) throw new DatasetRunNotFoundError(datasetRunId);
  const ledger = new DbJobQueue(db);
  const requeued = options.retryFailed ? await ledger.retryFailed(datasetRunId) : 0;
  await migrateGraphile(url);
  await db.datasetRun.update({
    where: { id: datasetRunId },
    data: { status: "running", startedAt: new Date(), finishedAt: null, error: null },
  });
  const queued = await db.job.findMany({
    where: { datasetRunId, status: "queued" },
    orderBy: [{ sampleIndex: "asc" }, { problem: { indexInSplit: "asc" } }, { problem: { name: "asc" } }],
    select: { key: true, datasetRunId: true, problemId: true, sampleIndex: true },
  });
  await dispatchSamples(url, queued, datasetRun.stopOnSolve);
  await finishIfComplete(db, datasetRunId);
  return { dispatched: queued.length, requeued };
}
