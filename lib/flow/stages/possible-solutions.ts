import { askStructured } from "../answers";
import type { NodeContext } from "../context";
import { explanationsText, reflectionText } from "../prompt-vars";
import type { PossibleSolution } from "../schemas";
import type { PossibleSolutionsResult, ReflectionResult } from "../stage-outputs";

const isBruteForce = (s: PossibleSolution) => /brute|exhaustive/i.test(`${s.name} ${s.labels.join(" ")}`);

/** Candidate approaches; brute-force ones are dropped unless nothing else is left. */
export async function possibleSolutions(ctx: NodeContext, reflection: ReflectionResult): Promise<PossibleSolutionsResult> {
  const { max_solutions, use_test_explanations, remove_brute_force } = ctx.config.possible_solutions;
  const { value } = await askStructured(ctx, "possible_solutions", {
    description: ctx.problem.description,
    self_reflection: reflectionText(reflection),
    use_test_explanations,
    tests_explanations: explanationsText(reflection.tests_explanations),
    max_solutions,
  });
  let solutions = value.possible_solutions.slice(0, max_solutions);
  const smart = solutions.filter((s) => !isBruteForce(s));
  if (remove_brute_force && smart.length > 0 && smart.length < solutions.length) {
    const names = solutions.filter(isBruteForce).map((s) => s.name);
    ctx.emit({ type: "decision", nodeKey: ctx.nodeKey, outcome: "rejected", reason: `dropped brute-force candidate(s): ${names.join(", ")}` });
    solutions = smart;
  }
  return { solutions };
}
