import { askStructured } from "../answers";
import type { NodeContext } from "../context";
import type { ReflectionResult } from "../stage-outputs";

/**
 * Problem reflection plus one explanation per public test. The explanations are re-attached to the problem's own
 * tests by position: the model's copies of inputs and outputs are never trusted over the statement's.
 */
export async function reflect(ctx: NodeContext): Promise<ReflectionResult> {
  const tests = ctx.problem.publicTests;
  const { value, unchecked } = await askStructured(
    ctx,
    "reflect",
    { name: ctx.problem.name, description: ctx.problem.description, test_count: tests.length, has_tests: tests.length > 0 },
    {
      check: (v) =>
        v.tests_explanations.length === tests.length
          ? null
          : `tests_explanations has ${v.tests_explanations.length} entries, but the problem has exactly ${tests.length} example test(s)`,
      acceptUnchecked: true,
    },
  );
  if (unchecked) ctx.emit({ type: "decision", nodeKey: ctx.nodeKey, outcome: "kept", reason: `reflection kept despite: ${unchecked}` });
  return {
    self_reflection: value.self_reflection,
    tests_explanations: tests.map((test, i) => ({
      input: test.input,
      output: test.output,
      explanation: value.tests_explanations[i]?.explanation ?? "",
    })),
  };
}
