import { z } from "zod";
import type { Db } from "@/lib/db/client";

export const flowTestSchema = z.object({ input: z.string(), output: z.string() });
export type FlowTest = z.infer<typeof flowTestSchema>;

/** The problem as the flow sees it. Hidden tests only score the final code; no prompt ever reads them. */
export const flowProblemSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  publicTests: z.array(flowTestSchema),
  hiddenTests: z.array(flowTestSchema.extend({ kind: z.enum(["private", "generated"]) })),
  timeLimitMs: z.number().int().positive().nullable(),
  memoryLimitMb: z.number().int().positive().nullable(),
});
export type FlowProblem = z.infer<typeof flowProblemSchema>;

/** The statement without its examples: fix prompts stay short and focused on the one failing test. */
export function shortDescription(description: string): string {
  const cut = description.search(/\n\s*(Examples?|Sample (Input|Tests?))\s*\n/i);
  return (cut > 0 ? description.slice(0, cut) : description).trim();
}

export async function loadFlowProblem(db: Db, problemId: string): Promise<FlowProblem> {
  const row = await db.problem.findUnique({
    where: { id: problemId },
    include: { tests: { orderBy: [{ kind: "asc" }, { index: "asc" }] } },
  });
  if (!row) throw new Error(`problem ${problemId} not found`);
  return flowProblemSchema.parse({
    id: row.id,
    name: row.name,
    description: row.description,
    publicTests: row.tests.filter((t) => t.kind === "public").map(({ input, output }) => ({ input, output })),
    hiddenTests: row.tests
      .filter((t) => t.kind === "private" || t.kind === "generated")
      .map(({ input, output, kind }) => ({ input, output, kind })),
    timeLimitMs: row.timeLimitMs,
    memoryLimitMb: row.memoryLimitMb,
  });
}
