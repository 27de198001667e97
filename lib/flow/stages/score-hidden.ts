import type { NodeContext } from "../context";
import type { FinalResult, ScoreResult } from "../stage-outputs";
import { judgeVersion } from "../testing";

/** Judges the final program on the hidden private + generated tests. Their content never reaches a prompt. */
export async function scoreHidden(ctx: NodeContext, final: FinalResult): Promise<ScoreResult> {
  const hidden = ctx.problem.hiddenTests;
  if (!ctx.config.judge.score_hidden || hidden.length === 0) return { hidden: null, solved: null };
  const run = await judgeVersion(ctx, final.selected, hidden, "private");
  return { hidden: { passed: run.passed, failed: run.failed }, solved: run.failed === 0 && run.passed > 0 };
}
