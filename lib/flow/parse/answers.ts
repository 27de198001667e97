import type { z } from "zod";
import {
  aiTestsOutputSchema,
  analyzeAndFixOutputSchema,
  analyzeFailureOutputSchema,
  chooseSolutionOutputSchema,
  possibleSolutionsOutputSchema,
  reflectOutputSchema,
  validateReflectionOutputSchema,
} from "../schemas";
import type { YamlAnswerSpec } from "./yaml-reader";

const TEST_KEYS = ["input", "output", "explanation"];
const FIX_KEYS = ["failed_tests", "failed_test", "what_went_wrong", "fixed_flow", "input_output_fixed_flow", "failed_test_fixed_flow"];

function spec<S extends z.ZodType>(topKeys: string[], textKeys: string[], schema: S): YamlAnswerSpec<S> {
  return { topKeys, textKeys, schema };
}

/** How each structured stage's answer is located, repaired and validated. */
export const structuredAnswers = {
  reflect: spec(["self_reflection", "self_description", "tests_explanations"], TEST_KEYS, reflectOutputSchema),
  validate_reflection: spec(["fixed_tests_explanations"], TEST_KEYS, validateReflectionOutputSchema),
  possible_solutions: spec(
    ["possible_solutions"],
    ["name", "content", "why_it_works", "complexity"],
    possibleSolutionsOutputSchema,
  ),
  choose_solution: spec(
    ["name", "content", "why", "flow", "ranking"],
    ["name", "content", "why", "complexity", ...TEST_KEYS],
    chooseSolutionOutputSchema,
  ),
  ai_tests: spec(["tests"], TEST_KEYS, aiTestsOutputSchema),
  validate_ai_tests: spec(["tests"], TEST_KEYS, aiTestsOutputSchema),
  analyze_failure: spec(FIX_KEYS, FIX_KEYS, analyzeFailureOutputSchema),
  analyze_and_fix: spec([...FIX_KEYS, "fixed_code"], FIX_KEYS, analyzeAndFixOutputSchema),
} as const;

export type StructuredStage = keyof typeof structuredAnswers;
export type StructuredOutput<K extends StructuredStage> = z.infer<(typeof structuredAnswers)[K]["schema"]>;
