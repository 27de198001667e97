import { z } from "zod";
import {
  chooseSolutionOutputSchema,
  possibleSolutionSchema,
  reflectOutputSchema,
  testExplanationSchema,
} from "./schemas";

/**
 * What each node of the flow stores in its StageResult row. A resumed run reads these back (validated here)
 * instead of running the node again, so they hold everything later nodes need.
 */

const count = z.number().int().nonnegative();

export const testTallySchema = z.object({ passed: count, failed: count, pass: z.array(z.boolean()) });
export type TestTally = z.infer<typeof testTallySchema>;

/** A program and how it did. `distance` is null when infinite (no usable output). */
export const evaluatedVersionSchema = z.object({
  versionId: z.string(),
  ordinal: z.number().int().positive(),
  code: z.string(),
  stage: z.string(),
  public: testTallySchema,
  ai: testTallySchema.nullable(),
  distance: z.number().nullable(),
});
export type EvaluatedVersion = z.infer<typeof evaluatedVersionSchema>;

export const reflectionResultSchema = reflectOutputSchema;
export type ReflectionResult = z.infer<typeof reflectionResultSchema>;

export const possibleSolutionsResultSchema = z.object({ solutions: z.array(possibleSolutionSchema) });
export type PossibleSolutionsResult = z.infer<typeof possibleSolutionsResultSchema>;

export const choiceResultSchema = z.object({
  chosen: chooseSolutionOutputSchema,
  /** Candidates other than the chosen one, best first: what later initial-code attempts fall back to. */
  alternatives: z.array(possibleSolutionSchema),
});
export type ChoiceResult = z.infer<typeof choiceResultSchema>;

export const aiTestsResultSchema = z.object({
  tests: z.array(testExplanationSchema),
  dropped: z.array(z.object({ input: z.string(), reason: z.string() })),
});
export type AiTestsResult = z.infer<typeof aiTestsResultSchema>;

export const codeResultSchema = z.object({
  current: evaluatedVersionSchema,
  versions: z.array(evaluatedVersionSchema),
  fixes: count.default(0),
});
export type CodeResult = z.infer<typeof codeResultSchema>;

export const finalResultSchema = z.object({ selected: evaluatedVersionSchema, reason: z.string() });
export type FinalResult = z.infer<typeof finalResultSchema>;

export const scoreResultSchema = z.object({
  hidden: z.object({ passed: count, failed: count }).nullable(),
  solved: z.boolean().nullable(),
});
export type ScoreResult = z.infer<typeof scoreResultSchema>;
