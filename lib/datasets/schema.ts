import { z } from "zod";

/** `flow` runs the AlphaCodium flow per sample; `baseline` asks the model directly (the paper's "direct" arm). */
export const datasetModeSchema = z.enum(["flow", "baseline"]);
export type DatasetMode = z.infer<typeof datasetModeSchema>;

/**
 * running: a runner owns it now (or died owning it: resume takes over); stopped: interrupted on purpose (Ctrl-C,
 * Stop button); budget_exhausted: the dataset's spend reached its budget; succeeded: every job is done, failed or
 * skipped; failed: the runner itself broke.
 */
export const datasetRunStatusSchema = z.enum(["queued", "running", "stopped", "budget_exhausted", "succeeded", "failed"]);
export type DatasetRunStatus = z.infer<typeof datasetRunStatusSchema>;

export const jobStatusSchema = z.enum(["queued", "running", "done", "failed", "skipped"]);
export type JobStatus = z.infer<typeof jobStatusSchema>;

const problemNames = z.preprocess(
  (value) => (typeof value === "string" ? value.split(",") : value),
  z.array(z.string().trim().min(1, "a problem name is empty")).min(1, "--problems lists no problem"),
);

/** What a user asks for when starting a dataset run (CLI flags or the /datasets form). */
export const datasetRunRequestSchema = z.object({
  split: z.string().trim().min(1, "split is required").max(40),
  mode: datasetModeSchema.default("flow"),
  k: z.coerce.number().int().min(1, "k must be at least 1").max(100, "k is at most 100").default(1),
  concurrency: z.coerce.number().int().min(1, "concurrency must be at least 1").max(64, "concurrency is at most 64").default(2),
  limit: z.coerce.number().int().positive("limit must be positive").optional(),
  problems: problemNames.optional(),
  budgetUsd: z.coerce.number().positive("budget must be positive").optional(),
  stopOnSolve: z.boolean().default(true),
  /** Problems without private or generated tests cannot be scored; they are left out unless asked for. */
  includeUnscorable: z.boolean().default(false),
  name: z.string().trim().min(1).max(200).optional(),
  /** The flow configuration (already validated by the flow module) and where it came from, for the report. */
  config: z.record(z.string(), z.unknown()).default({}),
  configLabel: z.string().trim().min(1).max(300).default("default"),
  model: z.string().trim().min(1).optional(),
});
export type DatasetRunRequest = z.infer<typeof datasetRunRequestSchema>;
export type DatasetRunRequestInput = z.input<typeof datasetRunRequestSchema>;

/** How the problems were chosen: stored on DatasetRun.filter so the report can say what the denominator is. */
export const datasetSelectionSchema = z.object({
  problems: z.array(z.string()).nullable().default(null),
  limit: z.number().int().positive().nullable().default(null),
  includeUnscorable: z.boolean().default(false),
  /** Problems of the split left out because they have no hidden tests. */
  unscorableExcluded: z.number().int().nonnegative().default(0),
  configLabel: z.string().default("default"),
});
export type DatasetSelection = z.infer<typeof datasetSelectionSchema>;

/** One progress snapshot, emitted after every job and on a timer. */
export const datasetProgressSchema = z.object({
  datasetRunId: z.string(),
  status: datasetRunStatusSchema,
  total: z.number().int().nonnegative(),
  queued: z.number().int().nonnegative(),
  running: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  solvedProblems: z.number().int().nonnegative(),
  problems: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative(),
  budgetUsd: z.number().nullable(),
  elapsedMs: z.number().int().nonnegative(),
  /** Estimated time to finish the remaining jobs at this session's pace; null before the first job ends. */
  etaMs: z.number().int().nonnegative().nullable(),
});
export type DatasetProgress = z.infer<typeof datasetProgressSchema>;

/** A dataset run as the list and the live progress panel show it (also what GET /api/datasets/{id} answers). */
export const datasetRunSummarySchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  split: z.string(),
  mode: z.string(),
  model: z.string(),
  k: z.number().int(),
  concurrency: z.number().int(),
  stopOnSolve: z.boolean(),
  budgetUsd: z.number().nullable(),
  createdAt: z.string(),
  error: z.string().nullable(),
  /** A runner of the server process holds it now (a CLI process may also be running it). */
  active: z.boolean(),
  progress: datasetProgressSchema,
});
export type DatasetRunSummary = z.infer<typeof datasetRunSummarySchema>;
