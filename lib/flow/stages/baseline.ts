import { askProgram } from "../answers";
import type { NodeContext } from "../context";
import { evaluateVersion } from "../evaluate";
import { languageVars } from "../prompt-vars";
import type { CodeResult } from "../stage-outputs";
import { recordVersion } from "../versions";

/** The direct-prompt baseline: one call with the full statement, judged on the public tests. */
export async function baseline(ctx: NodeContext): Promise<CodeResult> {
  const code = await askProgram(ctx, "baseline", "baseline", { description: ctx.problem.description, ...languageVars(ctx) });
  const version = await recordVersion(ctx, { code, stage: "baseline", reason: "direct prompt (baseline)" });
  const { version: evaluated } = await evaluateVersion(ctx, version, "baseline");
  return { current: evaluated, versions: [evaluated], fixes: 0 };
}
