import type { Db } from "@/lib/db/client";
import { problemFromRow } from "@/lib/problems/codecontests-row";
import { contentHash } from "@/lib/problems/content-hash";
import { createProblem, ProblemConflictError, ProblemValidationError } from "@/lib/problems/repository";
import { RunInputError } from "./errors";

/** The stored problem a run refers to: by id (or exact name, as the CLI passes it). */
export async function findProblemId(db: Db, idOrName: string): Promise<string> {
  const problem = await db.problem.findFirst({
    where: { OR: [{ id: idOrName }, { name: idOrName }] },
    select: { id: true },
  });
  if (!problem) throw new RunInputError(`problemId: no problem with id or name "${idOrName}"`);
  return problem.id;
}

/**
 * Saves a problem pasted with the run (camelCase or CodeContests-shaped) with source "pasted". Pasting the same
 * problem again reuses it; a different problem under a taken name is saved under the name plus a content hash.
 */
export async function savePastedProblem(db: Db, raw: unknown): Promise<string> {
  let problem;
  try {
    problem = { ...problemFromRow(raw, {}), source: "pasted" };
  } catch (error) {
    throw new RunInputError(`problem: ${(error as Error).message}`);
  }
  try {
    return (await createProblem(db, problem)).id;
  } catch (error) {
    if (error instanceof ProblemValidationError) throw new RunInputError(`problem: ${error.message}`);
    if (!(error instanceof ProblemConflictError)) throw error;
    const renamed = { ...problem, name: `${problem.name} #${contentHash(problem).slice(0, 8)}` };
    return (await createProblem(db, renamed)).id;
  }
}
