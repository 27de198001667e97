import { randomUUID } from "node:crypto";
import type { NodeContext } from "./context";

export interface VersionRef {
  versionId: string;
  ordinal: number;
  code: string;
}

/** Stores a program the run produced (CodeVersion row, written in the background) and announces it. */
export async function recordVersion(
  ctx: NodeContext,
  input: { code: string; stage: string; reason: string; parentVersionId?: string | null },
): Promise<VersionRef> {
  const ordinal = ctx.nextOrdinal();
  const row = { id: randomUUID() };
  ctx.writes.push(() =>
    ctx.db.codeVersion.create({
      data: {
        id: row.id,
        runId: ctx.runId,
        ordinal,
        stage: input.stage,
        language: ctx.config.language,
        code: input.code,
        reason: input.reason,
        parentVersionId: input.parentVersionId ?? null,
      },
    }),
  );
  ctx.emit({
    type: "code_version",
    versionId: row.id,
    ordinal,
    nodeKey: ctx.nodeKey,
    stage: input.stage,
    reason: input.reason,
    parentVersionId: input.parentVersionId ?? null,
    language: ctx.config.language,
    code: input.code,
  });
  return { versionId: row.id, ordinal, code: input.code };
}

export type DecisionOutcome = "kept" | "reverted" | "selected" | "rejected";

/** Records what the flow decided about a version, on its row and as a decision event. */
export async function decide(
  ctx: NodeContext,
  versionId: string,
  outcome: DecisionOutcome,
  reason: string,
  extra: { testSet?: "public" | "ai"; testIndex?: number; brokenAnchors?: number[] } = {},
): Promise<void> {
  if (outcome !== "selected") {
    ctx.writes.push(() => ctx.db.codeVersion.update({ where: { id: versionId }, data: { status: outcome } }));
  }
  ctx.emit({ type: "decision", nodeKey: ctx.nodeKey, outcome, reason, versionId, ...extra });
}
