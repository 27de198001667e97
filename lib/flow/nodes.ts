import type { z } from "zod";
import type { NodeContext } from "./context";
import type { FlowConfig } from "./config";
import {
  aiTestsResultSchema,
  choiceResultSchema,
  codeResultSchema,
  finalResultSchema,
  possibleSolutionsResultSchema,
  reflectionResultSchema,
  scoreResultSchema,
  type AiTestsResult,
  type ChoiceResult,
  type CodeResult,
  type FinalResult,
  type PossibleSolutionsResult,
  type ReflectionResult,
} from "./stage-outputs";
import { aiTests } from "./stages/ai-tests";
import { baseline } from "./stages/baseline";
import { chooseSolution } from "./stages/choose-solution";
import { selectFinal } from "./stages/final-selection";
import { fixOnAiTests } from "./stages/fix-ai";
import { fixOnPublicTests } from "./stages/fix-public";
import { initialCode } from "./stages/initial-code";
import { possibleSolutions } from "./stages/possible-solutions";
import { reflect } from "./stages/reflect";
import { scoreHidden } from "./stages/score-hidden";
import { validateAiTests } from "./stages/validate-ai-tests";
import { validateReflection } from "./stages/validate-reflection";

export type Results = ReadonlyMap<string, unknown>;

/** One node of the flow DAG: it runs when every node in `deps` has finished, and its output is persisted. */
export interface FlowNode {
  key: string;
  stage: string;
  label: string;
  deps: string[];
  schema: z.ZodType;
  run(ctx: NodeContext, results: Results): Promise<unknown>;
}

const get = <T>(results: Results, key: string) => results.get(key) as T;

/**
 * The DAG for a mode. `ai_tests` needs only the reflection, so it runs beside possible_solutions → choose_solution
 * → initial_code → public fixes; the AI-test fixes wait for both branches.
 */
export function flowNodes(config: FlowConfig): FlowNode[] {
  if (config.mode === "baseline") {
    return [
      { key: "baseline", stage: "baseline", label: "direct prompt", deps: [], schema: codeResultSchema, run: (ctx) => baseline(ctx) },
      {
        key: "final",
        stage: "final_selection",
        label: "final selection",
        deps: ["baseline"],
        schema: finalResultSchema,
        run: (ctx, r) => {
          const code = get<CodeResult>(r, "baseline");
          return selectFinal(ctx, code.versions, [], code.current);
        },
      },
      scoreNode(),
    ];
  }
  const reflection = config.reflection.validate ? "validate_reflection" : "reflect";
  const tests = config.ai_tests.validate ? "validate_ai_tests" : "ai_tests";
  const direct = config.mode === "direct";
  const nodes: FlowNode[] = [
    { key: "reflect", stage: "reflect", label: "problem reflection", deps: [], schema: reflectionResultSchema, run: (ctx) => reflect(ctx) },
  ];
  if (config.reflection.validate) {
    nodes.push({
      key: "validate_reflection",
      stage: "validate_reflection",
      label: "validate test explanations",
      deps: ["reflect"],
      schema: reflectionResultSchema,
      run: (ctx, r) => validateReflection(ctx, get<ReflectionResult>(r, "reflect")),
    });
  }
  if (!direct) {
    nodes.push({
      key: "possible_solutions",
      stage: "possible_solutions",
      label: "possible solutions",
      deps: [reflection],
      schema: possibleSolutionsResultSchema,
      run: (ctx, r) => possibleSolutions(ctx, get<ReflectionResult>(r, reflection)),
    });
  }
  nodes.push(
    {
      key: "choose_solution",
      stage: "choose_solution",
      label: direct ? "design a direct solution" : "rank and choose a solution",
      deps: direct ? [reflection] : ["possible_solutions"],
      schema: choiceResultSchema,
      run: (ctx, r) =>
        chooseSolution(
          ctx,
          get<ReflectionResult>(r, reflection),
          direct ? [] : get<PossibleSolutionsResult>(r, "possible_solutions").solutions,
        ),
    },
    {
      key: "ai_tests",
      stage: "ai_tests",
      label: "generate AI tests",
      deps: [reflection],
      schema: aiTestsResultSchema,
      run: (ctx, r) => aiTests(ctx, get<ReflectionResult>(r, reflection)),
    },
  );
  if (config.ai_tests.validate) {
    nodes.push({
      key: "validate_ai_tests",
      stage: "validate_ai_tests",
      label: "validate AI tests",
      deps: ["ai_tests"],
      schema: aiTestsResultSchema,
      run: (ctx, r) => validateAiTests(ctx, get<ReflectionResult>(r, reflection), get<AiTestsResult>(r, "ai_tests")),
    });
  }
  nodes.push(
    {
      key: "initial_code",
      stage: "initial_code",
      label: "initial code",
      deps: ["choose_solution"],
      schema: codeResultSchema,
      run: (ctx, r) => initialCode(ctx, get<ReflectionResult>(r, reflection), get<ChoiceResult>(r, "choose_solution")),
    },
    {
      key: "fix_public",
      stage: "fix_public",
      label: "fix on public tests",
      deps: ["initial_code"],
      schema: codeResultSchema,
      run: (ctx, r) => fixOnPublicTests(ctx, get<ReflectionResult>(r, reflection), get<CodeResult>(r, "initial_code")),
    },
    {
      key: "fix_ai",
      stage: "fix_ai",
      label: "fix on AI tests (anchored)",
      deps: ["fix_public", tests],
      schema: codeResultSchema,
      run: (ctx, r) =>
        fixOnAiTests(ctx, get<ReflectionResult>(r, reflection), get<CodeResult>(r, "fix_public"), get<AiTestsResult>(r, tests)),
    },
    {
      key: "final",
      stage: "final_selection",
      label: "final selection",
      deps: ["fix_ai"],
      schema: finalResultSchema,
      run: (ctx, r) => {
        const code = ["initial_code", "fix_public", "fix_ai"].flatMap((k) => get<CodeResult>(r, k).versions);
        const ai = get<AiTestsResult>(r, tests).tests.map(({ input, output }) => ({ input, output }));
        return selectFinal(ctx, code, ai, get<CodeResult>(r, "fix_ai").current);
      },
    },
    scoreNode(),
  );
  return nodes;
}

function scoreNode(): FlowNode {
  return {
    key: "score",
    stage: "score_hidden",
    label: "score on hidden tests",
    deps: ["final"],
    schema: scoreResultSchema,
    run: (ctx, r) => scoreHidden(ctx, get<FinalResult>(r, "final")),
  };
}
