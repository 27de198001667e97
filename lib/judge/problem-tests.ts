import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { TestCase } from "./schema";

export const TestSetSchema = z.enum(["public", "private", "all"]);
export type TestSet = z.infer<typeof TestSetSchema>;

/** "private" means every hidden test (private and generated); "all" adds the public ones in front. */
const KINDS: Record<TestSet, string[]> = {
  public: ["public"],
  private: ["private", "generated"],
  all: ["public", "private", "generated"],
};

export interface ProblemTests {
  name: string;
  description: string;
  timeLimitMs: number | null;
  memoryLimitMb: number | null;
  tests: TestCase[];
}

export async function loadProblemTests(db: Db, name: string, set: TestSet): Promise<ProblemTests | null> {
  const problem = await db.problem.findFirst({
    where: { OR: [{ name }, { id: name }] },
    include: { tests: { where: { kind: { in: KINDS[set] } } } },
  });
  if (!problem) return null;
  const order = KINDS[set];
  const tests = [...problem.tests].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.index - b.index);
  return {
    name: problem.name,
    description: problem.description,
    timeLimitMs: problem.timeLimitMs,
    memoryLimitMb: problem.memoryLimitMb,
    tests: tests.map((t) => ({ input: t.input, output: t.output })),
  };
}
