import { z } from "zod";

export const LANGUAGE_IDS = ["python3", "cpp"] as const;
export const LanguageIdSchema = z.enum(LANGUAGE_IDS);
export type LanguageId = z.infer<typeof LanguageIdSchema>;

export const VERDICTS = ["AC", "WA", "TLE", "MLE", "RE", "CE", "OLE", "SE"] as const;
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

export const SandboxKindSchema = z.enum(["bwrap", "none"]);
export type SandboxKind = z.infer<typeof SandboxKindSchema>;

/** Tests run without an expected output (AI tests before validation, the sandbox page) are judged on the run alone. */
export const TestCaseSchema = z.object({
  input: z.string(),
  output: z.string().optional(),
});
export type TestCase = z.infer<typeof TestCaseSchema>;

export const CheckerSpecSchema = z.object({
  kind: z.literal("checker"),
  language: LanguageIdSchema,
  /** A testlib-style program: argv is `input output answer` (file paths); exit 0 accepts. */
  code: z.string().min(1),
});

export const ComparatorSpecSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("exact") }),
  z.object({ kind: z.literal("lines") }),
  z.object({ kind: z.literal("tokens") }),
  z.object({ kind: z.literal("float"), tolerance: z.number().positive().max(1).optional() }),
  CheckerSpecSchema,
]);
export type ComparatorSpec = z.infer<typeof ComparatorSpecSchema>;
export type CheckerSpec = z.infer<typeof CheckerSpecSchema>;

export const MAX_TIME_LIMIT_MS = 60_000;
export const MAX_MEMORY_LIMIT_MB = 4096;

export const JudgeRequestSchema = z.object({
  language: LanguageIdSchema,
  code: z.string().max(1_000_000, "code is longer than 1,000,000 characters"),
  tests: z.array(TestCaseSchema).max(100_000),
  timeLimitMs: z.number().int().min(50).max(MAX_TIME_LIMIT_MS).optional(),
  memoryLimitMb: z.number().int().min(16).max(MAX_MEMORY_LIMIT_MB).optional(),
  stopOnFirstFailure: z.boolean().optional(),
  comparator: ComparatorSpecSchema.optional(),
  /** Read only to detect a stated float tolerance ("absolute or relative error does not exceed 10^{-6}"). */
  problemStatement: z.string().optional(),
});
export type JudgeRequest = z.infer<typeof JudgeRequestSchema>;
export type JudgeRequestInput = z.input<typeof JudgeRequestSchema>;

export const TestRunResultSchema = z.object({
  index: z.number().int(),
  verdict: VerdictSchema,
  timeMs: z.number(),
  wallMs: z.number(),
  memoryKb: z.number(),
  stdout: z.string(),
  stderr: z.string(),
  stdoutTruncated: z.boolean(),
  exitCode: z.number().int().nullable(),
  signal: z.string().nullable(),
  comparator: z.string(),
  /** Why the verdict is what it is, in one line (first differing token, limit hit, sandbox failure). */
  message: z.string().optional(),
  /** Tests cancelled by stopOnFirstFailure are absent; tests without an expected output pass on a clean run. */
  checked: z.boolean(),
});
export type TestRunResult = z.infer<typeof TestRunResultSchema>;

export const JudgeResultSchema = z.object({
  verdict: VerdictSchema,
  passed: z.number().int(),
  failed: z.number().int(),
  sandbox: SandboxKindSchema,
  comparator: z.string(),
  language: LanguageIdSchema,
  timeLimitMs: z.number().int(),
  memoryLimitMb: z.number().int(),
  compile: z.object({ ok: z.boolean(), message: z.string(), cached: z.boolean() }).optional(),
  tests: z.array(TestRunResultSchema),
});
export type JudgeResult = z.infer<typeof JudgeResultSchema>;

export interface JudgeOptions {
  signal?: AbortSignal;
  onResult?: (result: TestRunResult) => void;
}
