import type { Db } from "@/lib/db/client";
import type { RunEventInput } from "@/lib/runs/events";

let problems = 0;

/** A problem and a queued run on it, written straight through Prisma so store tests do not depend on the service. */
export async function createTestRun(db: Db): Promise<string> {
  problems += 1;
  const problem = await db.problem.create({
    data: { name: `fixture-${process.pid}-${problems}`, description: "Print a+b.", tags: [], contentHash: "h" },
  });
  const run = await db.run.create({ data: { problemId: problem.id, provider: "mock", model: "m", config: {} } });
  return run.id;
}

export function decision(reason: string): RunEventInput {
  return { type: "decision", outcome: "kept", reason };
}

export function runFinished(
  status: "succeeded" | "failed" | "cancelled" = "succeeded",
): Extract<RunEventInput, { type: "run_finished" }> {
  return {
    type: "run_finished",
    status,
    solved: status === "succeeded",
    totals: { llmCalls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, wallMs: 1 },
  };
}
