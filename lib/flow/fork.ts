import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { FORKABLE_STAGES } from "./forkable";
import type { FlowNode } from "./nodes";

export class ForkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForkError";
  }
}

function descendantsOf(nodes: FlowNode[], key: string): Set<string> {
  const found = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of nodes) {
      if (found.has(node.key)) continue;
      if (node.deps.some((dep) => dep === key || found.has(dep))) {
        found.add(node.key);
        grew = true;
      }
    }
  }
  return found;
}

type ForkRun = { id: string; parentRunId: string | null; forkFromStage: string | null; forkInput: unknown };

/**
 * "Continue from this stage with edited input": before a forked run first executes, its fork node gets the edited
 * output and every forkable node that does not depend on it gets the parent's finished output. The engine then
 * treats them as finished (as on a resume) and runs the rest; the parent stays untouched. Code stages always run
 * again in the fork; prompts the parent already sent are answered by the LLM cache.
 */
export async function seedFork(db: Db, run: ForkRun, nodes: FlowNode[]): Promise<void> {
  if (!run.parentRunId || !run.forkFromStage) return;
  if ((await db.stageResult.count({ where: { runId: run.id } })) > 0) return;
  const forkNode = nodes.find((node) => node.key === run.forkFromStage);
  if (!forkNode || !FORKABLE_STAGES.includes(forkNode.key)) {
    const choices = nodes.filter((node) => FORKABLE_STAGES.includes(node.key)).map((node) => node.key);
    throw new ForkError(`cannot fork from "${run.forkFromStage}": this flow can fork from ${choices.join(", ")}`);
  }
  const edited = forkNode.schema.safeParse(run.forkInput);
  if (!edited.success) {
    const issues = edited.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new ForkError(`the edited ${forkNode.key} output does not fit its schema: ${issues.join("; ")}`);
  }
  const downstream = descendantsOf(nodes, forkNode.key);
  const copied = nodes.filter((node) => FORKABLE_STAGES.includes(node.key) && node.key !== forkNode.key && !downstream.has(node.key));
  const parentRows = await db.stageResult.findMany({
    where: { runId: run.parentRunId, status: "finished", key: { in: copied.map((node) => node.key) } },
  });
  const missing = copied.filter((node) => !parentRows.some((row) => row.key === node.key));
  if (missing.length > 0) {
    throw new ForkError(`the parent run has not finished ${missing.map((node) => node.key).join(", ")}, which ${forkNode.key} needs`);
  }
  const now = new Date();
  await db.$transaction([
    ...parentRows.map((row) =>
      db.stageResult.create({
        data: { runId: run.id, key: row.key, stage: row.stage, status: "finished", output: row.output as Prisma.InputJsonValue, startedAt: now, finishedAt: now },
      }),
    ),
    db.stageResult.create({
      data: { runId: run.id, key: forkNode.key, stage: forkNode.stage, status: "finished", output: edited.data as Prisma.InputJsonValue, startedAt: now, finishedAt: now },
    }),
  ]);
}
