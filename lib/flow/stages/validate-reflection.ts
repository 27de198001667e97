import { askStructured } from "../answers";
import type { NodeContext } from "../context";
import { explanationsText } from "../prompt-vars";
import type { ReflectionResult } from "../stage-outputs";

/** Double validation of the test explanations. Only explanations change; a failed validation keeps the original. */
export async function validateReflection(ctx: NodeContext, reflection: ReflectionResult): Promise<ReflectionResult> {
  const count = reflection.tests_explanations.length;
  if (count === 0) return reflection;
  try {
    const { value } = await askStructured(
      ctx,
      "validate_reflection",
      { description: ctx.problem.description, tests_explanations: explanationsText(reflection.tests_explanations), test_count: count },
      {
        check: (v) =>
          v.fixed_tests_explanations.length === count
            ? null
            : `fixed_tests_explanations has ${v.fixed_tests_explanations.length} entries, expected exactly ${count}`,
      },
    );
    return {
      ...reflection,
      tests_explanations: reflection.tests_explanations.map((test, i) => ({
        ...test,
        explanation: value.fixed_tests_explanations[i].explanation || test.explanation,
      })),
    };
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    ctx.emit({ type: "decision", nodeKey: ctx.nodeKey, outcome: "kept", reason: `original explanations kept: ${(error as Error).message}` });
    return reflection;
  }
}
