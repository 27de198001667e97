import { providerOf, type Db } from "@/lib/db/client";
import { isActive } from "./background";
import { readProgress } from "./progress";
import type { DatasetRunSummary } from "./schema";

export async function listDatasetRuns(db: Db, take = 50): Promise<DatasetRunSummary[]> {
  const rows = await db.datasetRun.findMany({ orderBy: { createdAt: "desc" }, take, select: { id: true } });
  return Promise.all(rows.map((row) => datasetRunSummary(db, row.id)));
}

export async function datasetRunSummary(db: Db, id: string): Promise<DatasetRunSummary> {
  const progress = await readProgress(db, id);
  const row = await db.datasetRun.findUniqueOrThrow({ where: { id } });
  return {
    id: row.id,
    name: row.name,
    split: row.split,
    mode: row.mode,
    model: row.model,
    k: row.k,
    concurrency: row.concurrency,
    stopOnSolve: row.stopOnSolve,
    budgetUsd: row.budgetUsd,
    createdAt: row.createdAt.toISOString(),
    error: row.error,
    // On a cluster any worker may be executing it: running is what the database says, not this process.
    active: providerOf(db) === "postgresql" ? row.status === "running" : isActive(row.id),
    progress,
  };
}
