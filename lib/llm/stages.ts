import { z } from "zod";

/** The stage names of the public contract; every request sends one in `X-Alphaflow-Stage`. */
export const StageName = z.enum([
  "reflect",
  "validate_reflection",
  "possible_solutions",
  "choose_solution",
  "ai_tests",
  "validate_ai_tests",
  "initial_code",
  "analyze_failure",
  "fix_code",
  "analyze_and_fix",
  "baseline",
]);
export type StageName = z.infer<typeof StageName>;

export const STAGE_HEADER = "X-Alphaflow-Stage";
/** Carries the call's content-addressed cache key; like the stage header, real providers ignore it. */
export const CALL_HEADER = "X-Alphaflow-Call";
