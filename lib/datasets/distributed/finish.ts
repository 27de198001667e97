import type { Db } from "@/lib/db/client";
import { DbJobQueue } from "../queue/db-queue";

/**
 * On a cluster nobody owns a dataset run: whichever worker finishes its last sample marks it succeeded (the
 * conditional update lets exactly one of racing workers do it).
 */
export async function finishIfComplete(db: Db, datasetRunId: string): Promise<boolean> {
  const counts = await new DbJobQueue(db).counts(datasetRunId);
  if (counts.queued > 0 || counts.running > 0) return false;
  const { count } = await db.datasetRun.updateMany({
    where: { id: datasetRunId, status: { in: ["running", "queued"] } },
    data: { status: "succeeded", finishedAt: new Date(), error: null },
  });
  return count === 1;
}
