import { z } from "zod";
import { datasetModeSchema, datasetRunStatusSchema } from "./schema";

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1);

export const testTallySchema = z.object({ passed: count, failed: count, timeout: count });
export type TestTally = z.infer<typeof testTallySchema>;

/**
 * solved / unsolved: the run finished and was scored on the hidden tests; crashed: the run or its job failed
 * (counted as unsolved); skipped: not run because an earlier sample solved the problem; pending: not run yet.
 */
export const sampleOutcomeSchema = z.enum(["solved", "unsolved", "crashed", "skipped", "pending"]);
export type SampleOutcome = z.infer<typeof sampleOutcomeSchema>;

export const sampleReportSchema = z.object({
  sampleIndex: count,
  outcome: sampleOutcomeSchema,
  runId: z.string().nullable(),
  runStatus: z.string().nullable(),
  error: z.string().nullable(),
  code: z.string().nullable(),
  public: testTallySchema,
  private: testTallySchema,
  generated: testTallySchema,
  llmCalls: count,
  promptTokens: count,
  completionTokens: count,
  costUsd: z.number().nonnegative(),
});
export type SampleReport = z.infer<typeof sampleReportSchema>;

export const problemReportSchema = z.object({
  problemId: z.string(),
  name: z.string(),
  indexInSplit: z.number().int().nullable(),
  difficulty: z.string().nullable(),
  cfRating: z.number().int().nullable(),
  tags: z.array(z.string()),
  hiddenTests: count,
  samples: z.array(sampleReportSchema),
  /** Samples that solved it, and the index of the first one (in sample order). */
  solvedSamples: count,
  firstSolvedIndex: count.nullable(),
  solved: z.boolean(),
  /** pass@1..k for this problem alone, by the dataset's estimator. */
  passAtK: z.array(rate),
  llmCalls: count,
  tokens: count,
  costUsd: z.number().nonnegative(),
});
export type ProblemReport = z.infer<typeof problemReportSchema>;

export const groupRateSchema = z.object({ group: z.string(), problems: count, solved: count, rate });
export type GroupRate = z.infer<typeof groupRateSchema>;

const perUnitSchema = z.object({ llmCalls: z.number(), tokens: z.number(), costUsd: z.number() });

export const datasetReportSchema = z.object({
  /** What every number below is about: printed with each of them. */
  context: z.object({
    datasetRunId: z.string(),
    name: z.string().nullable(),
    split: z.string(),
    mode: datasetModeSchema,
    model: z.string(),
    provider: z.string(),
    configLabel: z.string(),
    configHash: z.string(),
    comparators: z.array(z.string()),
    k: count,
    stopOnSolve: z.boolean(),
    status: datasetRunStatusSchema,
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    unscorableExcluded: count,
  }),
  /**
   * unbiased: 1 − C(n−c,k)/C(n,k) over all k samples; first-solve: samples ran in order and stopped at the first
   * success, so pass@k is the share of problems solved within their first k samples (also unbiased).
   */
  estimator: z.enum(["unbiased", "first-solve"]),
  complete: z.boolean(),
  pendingSamples: count,
  problems: count,
  solvedProblems: count,
  crashedSamples: count,
  passAtK: z.array(z.object({ k: count, value: rate })),
  /**
   * AlphaCodium's evaluate_dataset: passed / (passed + failed) over problems with at least one produced solution,
   * so problems whose every sample crashed leave the denominator. Shown only for comparison.
   */
  alphaCodium: z.object({ passed: count, failed: count, excluded: count, rate: rate.nullable() }),
  totals: z.object({ llmCalls: count, promptTokens: count, completionTokens: count, costUsd: z.number().nonnegative() }),
  perProblem: perUnitSchema,
  perSolvedProblem: perUnitSchema.nullable(),
  byDifficulty: z.array(groupRateSchema),
  byTag: z.array(groupRateSchema),
  problemReports: z.array(problemReportSchema),
});
export type DatasetReport = z.infer<typeof datasetReportSchema>;
