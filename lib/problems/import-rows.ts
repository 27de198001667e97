import type { Db } from "@/lib/db/client";
import { problemFromRow } from "./codecontests-row";
import { ImportError } from "./import-error";
import { writeProblemBatch } from "./problem-writer";
import { hiddenTestCount, type Problem } from "./schema";
import type { SourceRow } from "./source-row";

export interface ImportSummary {
  /** Problems read from the source (after the split filter). */
  total: number;
  imported: number;
  updated: number;
  unchanged: number;
  /** Rows of another split than the one asked for. */
  skipped: number;
  withHiddenTests: number;
  hiddenTests: number;
  publicTests: number;
}

export interface ImportOptions {
  split?: string;
  onProgress?: (progress: { done: number }) => void;
}

const BATCH_PROBLEMS = 50;
const BATCH_TESTS = 5_000;
/** A whole dataset is one transaction so a bad row anywhere stores nothing; big splits need more than Prisma's 5 s. */
const TRANSACTION_TIMEOUT_MS = 60 * 60 * 1000;

/**
 * Validates every row and writes it in batches inside one transaction: the first bad row (or a name seen twice)
 * aborts the import with its location and rolls back everything written so far.
 */
export async function importRows(db: Db, rows: AsyncIterable<SourceRow>, options: ImportOptions = {}): Promise<ImportSummary> {
  const summary: ImportSummary = {
    total: 0,
    imported: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    withHiddenTests: 0,
    hiddenTests: 0,
    publicTests: 0,
  };
  const seen = new Map<string, string>();
  await db.$transaction(
    async (tx) => {
      let batch: Problem[] = [];
      let batchTests = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        for (const result of await writeProblemBatch(tx, batch)) summary[result.status] += 1;
        batch = [];
        batchTests = 0;
        options.onProgress?.({ done: summary.total });
      };
      for await (const row of rows) {
        const problem = toProblem(row, options.split);
        if (!problem) {
          summary.skipped += 1;
          continue;
        }
        const earlier = seen.get(problem.name);
        if (earlier) throw new ImportError(row.location, `duplicate problem name "${problem.name}" (first seen at ${earlier})`);
        seen.set(problem.name, row.location);
        summary.total += 1;
        summary.publicTests += problem.publicTests.length;
        const hidden = hiddenTestCount(problem);
        summary.hiddenTests += hidden;
        if (hidden > 0) summary.withHiddenTests += 1;
        batch.push(problem);
        batchTests += problem.publicTests.length + hidden;
        if (batch.length >= BATCH_PROBLEMS || batchTests >= BATCH_TESTS) await flush();
      }
      await flush();
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
  );
  return summary;
}

/** The validated problem, or null when it belongs to another split than the one asked for. */
function toProblem(row: SourceRow, onlySplit: string | undefined): Problem | null {
  let problem: Problem;
  try {
    problem = problemFromRow(row.value, row.defaults);
  } catch (error) {
    throw new ImportError(row.location, (error as Error).message);
  }
  if (!onlySplit) return problem;
  if (problem.split === null) return { ...problem, split: onlySplit };
  return problem.split === onlySplit ? problem : null;
}
