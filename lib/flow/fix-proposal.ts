import { askProgram, askStructured, programFrom } from "./answers";
import { FlowStageError, type NodeContext } from "./context";
import { explanationsText, languageVars, reflectionText } from "./prompt-vars";
import { shortDescription } from "./problem";
import type { ReflectionResult } from "./stage-outputs";

export type FixStyle = "two_call" | "one_call";

/**
 * A corrected program for one failing test: analyze_failure then fix_code (two calls), or one analyze_and_fix
 * call whose fixed_code must compile. Null when the model gave no usable program; the attempt still counts.
 */
export async function proposeFix(
  ctx: NodeContext,
  input: { reflection: ReflectionResult; code: string; failure: string; testIndex?: number; style: FixStyle },
): Promise<string | null> {
  const { use_self_reflection, use_test_explanations } = ctx.config.public_fix;
  const language = languageVars(ctx);
  const descriptionShort = shortDescription(ctx.problem.description);
  try {
    if (input.style === "one_call") {
      const { value } = await askStructured(
        ctx,
        "analyze_and_fix",
        {
          description: ctx.problem.description,
          description_short: descriptionShort,
          use_self_reflection,
          self_reflection: reflectionText(input.reflection),
          code: input.code.trimEnd(),
          failure: input.failure,
          direct: ctx.config.mode === "direct",
          ...language,
        },
        {
          check: async (v) => {
            const program = await programFrom(ctx, v.fixed_code);
            return "problem" in program ? `fixed_code: ${program.problem}` : null;
          },
        },
      );
      const program = await programFrom(ctx, value.fixed_code);
      return "code" in program ? program.code : null;
    }
    const explanation = input.testIndex !== undefined ? input.reflection.tests_explanations[input.testIndex] : undefined;
    const { value: analysis } = await askStructured(ctx, "analyze_failure", {
      description_short: descriptionShort,
      use_self_reflection,
      self_reflection: reflectionText(input.reflection),
      code: input.code.trimEnd(),
      failure: input.failure,
      use_test_explanation: use_test_explanations && explanation !== undefined,
      test_explanation: explanation ? explanationsText([explanation]) : "",
      language_name: language.language_name,
      fence: language.fence,
    });
    return await askProgram(ctx, "fix_code", "fix_code", {
      description_short: descriptionShort,
      code: input.code.trimEnd(),
      failure: input.failure,
      what_went_wrong: analysis.what_went_wrong,
      fixed_flow: analysis.fixed_flow || "(not given)",
      ...language,
    });
  } catch (error) {
    if (!(error instanceof FlowStageError)) throw error;
    ctx.emit({ type: "error", nodeKey: ctx.nodeKey, message: `fix attempt gave no usable program: ${error.message}` });
    return null;
  }
}
