import { askStructured } from "../answers";
import type { NodeContext } from "../context";
import { invalidInputReason } from "../input-check";
import { explanationsText, reflectionText, yamlText } from "../prompt-vars";
import type { TestExplanation } from "../schemas";
import type { AiTestsResult, ReflectionResult } from "../stage-outputs";

/** Drops tests whose input fails the structural check, and duplicates of public tests or of each other. */
export function screenTests(ctx: NodeContext, tests: TestExplanation[]): AiTestsResult {
  const kept: TestExplanation[] = [];
  const dropped: AiTestsResult["dropped"] = [];
  const seen = new Set(ctx.problem.publicTests.map((t) => t.input.trim()));
  for (const test of tests) {
    const reason = ctx.config.ai_tests.check_inputs
      ? invalidInputReason(test.input, ctx.problem.publicTests, ctx.problem.description)
      : null;
    if (reason || seen.has(test.input.trim())) {
      dropped.push({ input: test.input.slice(0, 200), reason: reason ?? "duplicates another test" });
      continue;
    }
    seen.add(test.input.trim());
    kept.push(test);
  }
  for (const drop of dropped) {
    ctx.emit({ type: "decision", nodeKey: ctx.nodeKey, outcome: "rejected", testSet: "ai", reason: `AI test dropped: ${drop.reason}` });
  }
  return { tests: kept, dropped };
}

/** K additional tests, easy to hard, including a large one. Their inputs are screened, never trusted blindly. */
export async function aiTests(ctx: NodeContext, reflection: ReflectionResult): Promise<AiTestsResult> {
  const { count, use_test_explanations } = ctx.config.ai_tests;
  if (count === 0) return { tests: [], dropped: [] };
  const { value, unchecked } = await askStructured(
    ctx,
    "ai_tests",
    {
      description: ctx.problem.description,
      self_reflection: reflectionText(reflection),
      use_test_explanations,
      tests_explanations: explanationsText(reflection.tests_explanations),
      public_tests: ctx.problem.publicTests.length > 0 ? yamlText(ctx.problem.publicTests) : "(none given)",
      test_count: count,
    },
    {
      check: (v) => (v.tests.length === count ? null : `tests has ${v.tests.length} entries, expected exactly ${count}`),
      acceptUnchecked: true,
    },
  );
  if (unchecked) ctx.emit({ type: "decision", nodeKey: ctx.nodeKey, outcome: "kept", testSet: "ai", reason: `AI tests kept despite: ${unchecked}` });
  return screenTests(ctx, value.tests.slice(0, count));
}
