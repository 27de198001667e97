import { askStructured } from "../answers";
import type { NodeContext } from "../context";
import { reflectionText, yamlText } from "../prompt-vars";
import type { AiTestsResult, ReflectionResult } from "../stage-outputs";
import { screenTests } from "./ai-tests";

/** Double validation of the AI tests' outputs; the result is screened again. A failed validation keeps the tests. */
export async function validateAiTests(
  ctx: NodeContext,
  reflection: ReflectionResult,
  generated: AiTestsResult,
): Promise<AiTestsResult> {
  if (generated.tests.length === 0) return generated;
  try {
    const { value } = await askStructured(ctx, "validate_ai_tests", {
      description: ctx.problem.description,
      self_reflection: reflectionText(reflection),
      ai_tests: yamlText(generated.tests),
    });
    const screened = screenTests(ctx, value.tests.slice(0, generated.tests.length));
    return { tests: screened.tests, dropped: [...generated.dropped, ...screened.dropped] };
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    ctx.emit({ type: "decision", nodeKey: ctx.nodeKey, outcome: "kept", testSet: "ai", reason: `unvalidated AI tests kept: ${(error as Error).message}` });
    return generated;
  }
}
