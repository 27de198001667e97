import type { Db } from "@/lib/db/client";
import { contentHash } from "./content-hash";
import { describeZodError } from "./import-error";
import { writeProblemBatch, type SaveResult } from "./problem-writer";
import { problemSchema, solutionSchema, type Problem, type TestCase, type TestKind } from "./schema";

export class ProblemValidationError extends Error {}

/** Another problem already uses the name; pasted problems never overwrite stored ones silently. */
export class ProblemConflictError extends Error {
  constructor(readonly existingId: string, name: string) {
    super(`a different problem named "${name}" already exists`);
  }
}

/**
 * Saves one problem (a pasted statement, a problem file). Saving the same content again returns the stored
 * problem; different content under an existing name is a conflict.
 */
export async function createProblem(db: Db, input: unknown): Promise<SaveResult> {
  const parsed = problemSchema.safeParse(input);
  if (!parsed.success) throw new ProblemValidationError(describeZodError(parsed.error));
  const problem = parsed.data;
  const existing = await db.problem.findUnique({ where: { name: problem.name }, select: { id: true, contentHash: true } });
  if (existing && existing.contentHash !== contentHash(problem)) throw new ProblemConflictError(existing.id, problem.name);
  const [result] = await db.$transaction((tx) => writeProblemBatch(tx, [problem]));
  return result;
}

export interface StoredProblem extends Problem {
  id: string;
  counts: Record<TestKind, number>;
  /** False when private/generated tests and solutions were left out (they are withheld from anything model-facing). */
  hiddenIncluded: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** A problem by id or exact name. Hidden tests and reference solutions only when asked for. */
export async function getProblem(db: Db, idOrName: string, options: { hidden?: boolean } = {}): Promise<StoredProblem | null> {
  const hidden = options.hidden === true;
  const row = await db.problem.findFirst({
    where: { OR: [{ id: idOrName }, { name: idOrName }] },
    include: {
      tests: {
        where: hidden ? {} : { kind: "public" },
        orderBy: [{ kind: "asc" }, { index: "asc" }],
        select: { kind: true, input: true, output: true },
      },
    },
  });
  if (!row) return null;
  const testsOf = (kind: TestKind): TestCase[] =>
    row.tests.filter((t) => t.kind === kind).map(({ input, output }) => ({ input, output }));
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    publicTests: testsOf("public"),
    privateTests: testsOf("private"),
    generatedTests: testsOf("generated"),
    timeLimitMs: row.timeLimitMs,
    memoryLimitMb: row.memoryLimitMb,
    difficulty: row.difficulty,
    tags: Array.isArray(row.tags) ? row.tags.filter((t): t is string => typeof t === "string") : [],
    source: row.source,
    split: row.split,
    indexInSplit: row.indexInSplit,
    cfContestId: row.cfContestId,
    cfIndex: row.cfIndex,
    cfRating: row.cfRating,
    solutions: hidden ? solutionSchema.array().catch([]).parse(row.solutions ?? []) : [],
    counts: { public: row.publicTestCount, private: row.privateTestCount, generated: row.generatedTestCount },
    hiddenIncluded: hidden,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
