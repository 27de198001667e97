import { z } from "zod";

/** One input/output pair. Outputs are compared by the judge, so both are kept verbatim. */
export const testCaseSchema = z.object({
  input: z.string(),
  output: z.string(),
});

export const testKinds = ["public", "private", "generated"] as const;
export const testKindSchema = z.enum(testKinds);

export const solutionLanguages = ["python3", "python2", "cpp", "java", "unknown"] as const;
export const solutionLanguageSchema = z.enum(solutionLanguages);

/** A reference program shipped with the problem; `passed` is the dataset's own label (null when it has none). */
export const solutionSchema = z.object({
  language: solutionLanguageSchema,
  code: z.string(),
  passed: z.boolean().nullable().default(null),
  origin: z.string().max(200).nullable().default(null),
});

/** Tag search matches array positions one by one (see search.ts), so the list is bounded. */
export const MAX_TAGS = 20;

const optionalInt = z.number().int().nullable().default(null);

export const problemSchema = z.object({
  name: z.string().trim().min(1, "name is empty").max(300, "name is longer than 300 characters"),
  description: z.string().min(1, "description is empty"),
  publicTests: z.array(testCaseSchema).default([]),
  privateTests: z.array(testCaseSchema).default([]),
  generatedTests: z.array(testCaseSchema).default([]),
  timeLimitMs: z.number().int().positive().max(600_000).nullable().default(null),
  memoryLimitMb: z.number().int().positive().max(65_536).nullable().default(null),
  difficulty: z.string().trim().min(1).max(40).nullable().default(null),
  tags: z.array(z.string().trim().min(1).max(100)).max(MAX_TAGS, `at most ${MAX_TAGS} tags`).default([]),
  source: z.string().trim().min(1).max(100).default("user"),
  split: z.string().trim().min(1).max(40).nullable().default(null),
  indexInSplit: z.number().int().nonnegative().nullable().default(null),
  cfContestId: optionalInt,
  cfIndex: z.string().max(20).nullable().default(null),
  cfRating: optionalInt,
  solutions: z.array(solutionSchema).default([]),
});

export type TestCase = z.infer<typeof testCaseSchema>;
export type TestKind = z.infer<typeof testKindSchema>;
export type Solution = z.infer<typeof solutionSchema>;
export type SolutionLanguage = z.infer<typeof solutionLanguageSchema>;
/** A validated problem (defaults applied). */
export type Problem = z.infer<typeof problemSchema>;
/** What callers may hand in: every defaulted field optional. */
export type ProblemInput = z.input<typeof problemSchema>;

export function hiddenTestCount(problem: Pick<Problem, "privateTests" | "generatedTests">): number {
  return problem.privateTests.length + problem.generatedTests.length;
}
