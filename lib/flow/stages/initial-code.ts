import { askProgram } from "../answers";
import { FlowStageError, inParallel, type NodeContext } from "../context";
import { betterOnPublic, evaluateVersion, passesAll } from "../evaluate";
import { languageVars, reflectionText, solutionText } from "../prompt-vars";
import type { ChoiceResult, CodeResult, EvaluatedVersion, ReflectionResult } from "../stage-outputs";
import { decide, recordVersion } from "../versions";

/**
 * Generates code for the chosen approach and judges it on the public tests. While no attempt passes them all,
 * it regenerates: the chosen approach a second time, then the next ranked candidates in turn, up to
 * 1 + max_attempts generations, `concurrency` at a time. The attempt with the most public tests passed (then the
 * smallest output distance) is kept; the others are marked rejected.
 */
export async function initialCode(ctx: NodeContext, reflection: ReflectionResult, choice: ChoiceResult): Promise<CodeResult> {
  const { max_attempts, concurrency } = ctx.config.initial_code;
  const total = 1 + max_attempts;
  const approachFor = (attempt: number) =>
    attempt < 2 || choice.alternatives.length === 0
      ? { text: solutionText(choice.chosen), label: `chosen approach "${choice.chosen.name}"` }
      : (() => {
          const alternative = choice.alternatives[(attempt - 2) % choice.alternatives.length];
          return { text: solutionText(alternative), label: `alternative "${alternative.name}"` };
        })();

  const attempt = async (lane: NodeContext, index: number): Promise<EvaluatedVersion | null> => {
    const approach = approachFor(index);
    let code: string;
    try {
      code = await askProgram(
        lane,
        "initial_code",
        "initial_code",
        {
          description: ctx.problem.description,
          self_reflection: reflectionText(reflection),
          solution: approach.text,
          direct: ctx.config.mode === "direct",
          ...languageVars(ctx),
        },
        index,
      );
    } catch (error) {
      if (!(error instanceof FlowStageError)) throw error;
      lane.emit({ type: "error", nodeKey: lane.nodeKey, stage: "initial_code", message: error.message });
      return null;
    }
    const version = await recordVersion(lane, {
      code,
      stage: "initial_code",
      reason: index === 0 ? `initial code (${approach.label})` : `initial code, attempt ${index + 1} (${approach.label})`,
    });
    return (await evaluateVersion(lane, version, "initial_code")).version;
  };

  const versions: EvaluatedVersion[] = [];
  let best: EvaluatedVersion | null = null;
  for (let start = 0; start < total && !(best && passesAll(best.public)); start += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, total - start) }, (_, i) => start + i);
    const results = await inParallel(ctx, batch.map((index) => (lane: NodeContext) => attempt(lane, index)));
    for (const result of results) {
      if (!result) continue;
      versions.push(result);
      if (!best || betterOnPublic(result, best)) best = result;
    }
  }
  if (!best) throw new FlowStageError(`initial_code: none of ${total} generation(s) gave a usable program`);
  const kept = best;
  const publicCount = ctx.problem.publicTests.length;
  for (const version of versions) {
    if (version === kept) continue;
    await decide(
      ctx,
      version.versionId,
      "rejected",
      `not kept: ${version.public.passed}/${publicCount} public tests passed; version ${kept.ordinal} is at least as good`,
      { testSet: "public" },
    );
  }
  await decide(ctx, kept.versionId, "kept", `best initial attempt: ${kept.public.passed}/${publicCount} public tests passed`, { testSet: "public" });
  return { current: kept, versions, fixes: 0 };
}
