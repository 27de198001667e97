import type { Db } from "@/lib/db/client";
import { DatasetRequestError } from "./errors";
import type { DatasetRunRequest } from "./schema";

export type SelectedProblems = { problemIds: string[]; unscorableExcluded: number };

/**
 * The problems of a dataset run, in split order. Problems with no private or generated tests cannot be scored,
 * so they are left out (and counted) unless the request includes them: they would otherwise count as unsolved
 * for a reason that has nothing to do with the model.
 */
export async function selectProblems(
  db: Db,
  request: Pick<DatasetRunRequest, "split" | "problems" | "limit" | "includeUnscorable">,
): Promise<SelectedProblems> {
  const inSplit = await db.problem.findMany({
    where: { split: request.split },
    select: { id: true, name: true, privateTestCount: true, generatedTestCount: true },
    orderBy: [{ indexInSplit: "asc" }, { name: "asc" }],
  });
  if (inSplit.length === 0) throw new DatasetRequestError(`no problems in split "${request.split}" (import it first)`);

  let chosen = inSplit;
  if (request.problems) {
    const wanted = new Set(request.problems);
    chosen = inSplit.filter((problem) => wanted.has(problem.name) || wanted.has(problem.id));
    const found = new Set(chosen.flatMap((problem) => [problem.name, problem.id]));
    const missing = request.problems.filter((name) => !found.has(name));
    if (missing.length > 0) throw new DatasetRequestError(`not in split "${request.split}": ${missing.join(", ")}`);
  }
  const scorable = request.includeUnscorable ? chosen : chosen.filter((p) => p.privateTestCount + p.generatedTestCount > 0);
  const unscorableExcluded = chosen.length - scorable.length;
  const limited = request.limit ? scorable.slice(0, request.limit) : scorable;
  if (limited.length === 0) {
    throw new DatasetRequestError(
      `no scorable problem selected in split "${request.split}" (${unscorableExcluded} without private or generated tests)`,
    );
  }
  return { problemIds: limited.map((problem) => problem.id), unscorableExcluded };
}
