import { askStructured } from "../answers";
import type { NodeContext } from "../context";
import { reflectionText, yamlText } from "../prompt-vars";
import type { PossibleSolution } from "../schemas";
import type { ChoiceResult, ReflectionResult } from "../stage-outputs";

const norm = (name: string) => name.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * Ranks the candidates and chooses one. The ranking is kept: later initial-code attempts use the next candidates
 * in rank order (candidates the ranking omits follow in their original order). In direct mode there are no
 * candidates and the model designs an exhaustive approach.
 */
export async function chooseSolution(
  ctx: NodeContext,
  reflection: ReflectionResult,
  candidates: PossibleSolution[],
): Promise<ChoiceResult> {
  const direct = ctx.config.mode === "direct";
  const { value } = await askStructured(ctx, "choose_solution", {
    description: ctx.problem.description,
    self_reflection: reflectionText(reflection),
    direct,
    possible_solutions: direct ? "" : yamlText(candidates),
  });
  const rank = (s: PossibleSolution) => {
    const position = value.ranking.findIndex((name) => norm(name) === norm(s.name));
    return position < 0 ? value.ranking.length + candidates.indexOf(s) : position;
  };
  const alternatives = candidates.filter((s) => norm(s.name) !== norm(value.name)).sort((a, b) => rank(a) - rank(b));
  return { chosen: value, alternatives };
}
