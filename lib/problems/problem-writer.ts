import type { Db } from "@/lib/db/client";
import { contentHash } from "./content-hash";
import type { Problem, TestKind } from "./schema";

/** The client handed to `$transaction(async (tx) => …)`. */
export type DbTransaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type SaveStatus = "imported" | "updated" | "unchanged";

export interface SaveResult {
  id: string;
  name: string;
  status: SaveStatus;
}

/** Keeps each INSERT well under SQLite's statement and variable limits whatever the test sizes. */
const TESTS_PER_INSERT = 500;

/**
 * Writes a batch of problems inside the caller's transaction: new names are inserted, changed content replaces the
 * row's fields and all of its tests (the id stays, so runs keep pointing at it), unchanged content is left alone.
 */
export async function writeProblemBatch(tx: DbTransaction, problems: Problem[]): Promise<SaveResult[]> {
  const hashed = problems.map((problem) => ({ problem, hash: contentHash(problem) }));
  const existing = await tx.problem.findMany({
    where: { name: { in: problems.map((p) => p.name) } },
    select: { id: true, name: true, contentHash: true },
  });
  const byName = new Map(existing.map((row) => [row.name, row]));
  const results: SaveResult[] = [];
  const needTests: { id: string; problem: Problem }[] = [];

  const fresh = hashed.filter(({ problem }) => !byName.has(problem.name));
  if (fresh.length > 0) {
    const created = await tx.problem.createManyAndReturn({
      data: fresh.map(({ problem, hash }) => problemColumns(problem, hash)),
      select: { id: true, name: true },
    });
    const idByName = new Map(created.map((row) => [row.name, row.id]));
    for (const { problem } of fresh) {
      const id = idByName.get(problem.name)!;
      needTests.push({ id, problem });
      results.push({ id, name: problem.name, status: "imported" });
    }
  }

  for (const { problem, hash } of hashed) {
    const row = byName.get(problem.name);
    if (!row) continue;
    if (row.contentHash === hash) {
      results.push({ id: row.id, name: row.name, status: "unchanged" });
      continue;
    }
    await tx.problem.update({ where: { id: row.id }, data: problemColumns(problem, hash) });
    await tx.problemTest.deleteMany({ where: { problemId: row.id } });
    needTests.push({ id: row.id, problem });
    results.push({ id: row.id, name: row.name, status: "updated" });
  }

  await insertTests(tx, needTests);
  return results;
}

function problemColumns(problem: Problem, hash: string) {
  return {
    name: problem.name,
    description: problem.description,
    source: problem.source,
    split: problem.split,
    indexInSplit: problem.indexInSplit,
    difficulty: problem.difficulty,
    tags: problem.tags,
    timeLimitMs: problem.timeLimitMs,
    memoryLimitMb: problem.memoryLimitMb,
    cfContestId: problem.cfContestId,
    cfIndex: problem.cfIndex,
    cfRating: problem.cfRating,
    solutions: problem.solutions,
    publicTestCount: problem.publicTests.length,
    privateTestCount: problem.privateTests.length,
    generatedTestCount: problem.generatedTests.length,
    contentHash: hash,
  };
}

async function insertTests(tx: DbTransaction, items: { id: string; problem: Problem }[]): Promise<void> {
  let pending: { problemId: string; kind: TestKind; index: number; input: string; output: string }[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    await tx.problemTest.createMany({ data: pending });
    pending = [];
  };
  for (const { id, problem } of items) {
    const sets: [TestKind, Problem["publicTests"]][] = [
      ["public", problem.publicTests],
      ["private", problem.privateTests],
      ["generated", problem.generatedTests],
    ];
    for (const [kind, tests] of sets) {
      for (const [index, test] of tests.entries()) {
        pending.push({ problemId: id, kind, index, input: test.input, output: test.output });
        if (pending.length >= TESTS_PER_INSERT) await flush();
      }
    }
  }
  await flush();
}
