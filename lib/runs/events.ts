import { z } from "zod";

/**
 * The run-event vocabulary. A run is observed only through these events: the flow engine emits them, the event
 * store gives each a per-run `seq`, and the SSE route, the CLI and the pages render them. Add new event types
 * here (and only here) so every reader sees the same shapes.
 */

/** A stage node of the flow DAG. A stage can run several times, so nodes are keyed: `fix_public#3`. */
const nodeKey = z.string().min(1);
/** A stage name: the LLM stages of contract.md (`reflect`, `fix_code`, …) or a non-LLM step of the flow. */
const stageName = z.string().min(1);
const count = z.int().nonnegative();
const usd = z.number().nonnegative();

export const runModeSchema = z.enum(["flow", "baseline", "direct"]);
export const languageSchema = z.enum(["python3", "cpp"]);
export const verdictSchema = z.enum(["AC", "WA", "TLE", "MLE", "RE", "CE", "OLE", "SE"]);
export const testSetSchema = z.enum(["public", "ai", "private", "generated"]);
export const runStatusSchema = z.enum(["queued", "running", "succeeded", "failed", "cancelled", "interrupted"]);
export const terminalStatusSchema = z.enum(["succeeded", "failed", "cancelled"]);

export type RunMode = z.infer<typeof runModeSchema>;
export type Language = z.infer<typeof languageSchema>;
export type Verdict = z.infer<typeof verdictSchema>;
export type TestSet = z.infer<typeof testSetSchema>;
export type RunStatus = z.infer<typeof runStatusSchema>;

const passFail = z.object({ passed: count, failed: count });

/** The run begins (or resumes: `resumed` is true and stages finished before are skipped). */
export const runStartedSchema = z.object({
  type: z.literal("run_started"),
  problem: z.object({ id: z.string().min(1), name: z.string() }),
  mode: runModeSchema,
  language: languageSchema,
  model: z.string().min(1),
  provider: z.string().min(1).optional(),
  /** The effective configuration, or the part of it worth showing: the full one is stored on the Run row. */
  config: z.record(z.string(), z.unknown()),
  resumed: z.boolean().default(false),
});

/** A stage node starts. `dependsOn` lists the node keys it waited for, so the UI can draw parallel branches. */
export const stageStartedSchema = z.object({
  type: z.literal("stage_started"),
  nodeKey,
  stage: stageName,
  parentKey: nodeKey.optional(),
  dependsOn: z.array(nodeKey).default([]),
  /** Human label, e.g. "fix for public test 2". */
  label: z.string().optional(),
});

const deltaFields = {
  nodeKey,
  /** Identifies one LLM call within the run; the same id is repeated by the call's `llm_call` event. */
  callId: z.string().min(1),
  text: z.string(),
};

/** Streamed answer text of an LLM call. The event writer merges consecutive deltas, so `text` may be many tokens. */
export const tokenSchema = z.object({ type: z.literal("token"), ...deltaFields });

/** Streamed reasoning ("thinking") text of an LLM call, shown apart from the answer. */
export const reasoningSchema = z.object({ type: z.literal("reasoning"), ...deltaFields });

/** An LLM call finished (or was served from the cache): usage, cost and timing, as the gateway measured them. */
export const llmCallSchema = z.object({
  type: z.literal("llm_call"),
  callId: z.string().min(1),
  /** The LlmCall row, when the gateway stored one. */
  recordId: z.string().min(1).optional(),
  nodeKey: nodeKey.optional(),
  stage: stageName,
  model: z.string().min(1),
  usage: z.object({
    promptTokens: count,
    completionTokens: count,
    cachedTokens: count.default(0),
    reasoningTokens: count.default(0),
    /** True when the provider reported no usage and the tokens were counted locally. */
    estimated: z.boolean().default(false),
  }),
  costUsd: usd,
  latencyMs: count,
  cacheHit: z.boolean(),
  retries: count.default(0),
  finishReason: z.string().nullable(),
  truncated: z.boolean().default(false),
});

/** A stage's model answer, parsed and validated: the object the UI renders as structure. */
export const parsedOutputSchema = z.object({
  type: z.literal("parsed_output"),
  nodeKey,
  stage: stageName,
  output: z.unknown().refine((value) => value !== undefined, "output is required"),
});

/** A program the run produced, with why it exists ("initial code", "fix for AI test 4"). */
export const codeVersionSchema = z.object({
  type: z.literal("code_version"),
  versionId: z.string().min(1),
  ordinal: z.int().positive(),
  nodeKey: nodeKey.optional(),
  stage: stageName,
  reason: z.string().min(1),
  parentVersionId: z.string().min(1).nullable().default(null),
  language: languageSchema,
  code: z.string(),
});

/** One test of a `test_results` batch. Texts are excerpts: the full data stays in the TestResult rows. */
export const testOutcomeSchema = z.object({
  index: count,
  verdict: verdictSchema,
  timeMs: count,
  wallMs: count.optional(),
  memoryKb: count,
  input: z.string().optional(),
  expected: z.string().optional(),
  stdout: z.string().default(""),
  stderr: z.string().optional(),
  /** Anchors are tests a fix must keep passing (public tests and AI tests passed so far). */
  isAnchor: z.boolean().default(false),
});

/** A code version was judged on one test set. */
export const testResultsSchema = z.object({
  type: z.literal("test_results"),
  versionId: z.string().min(1),
  nodeKey: nodeKey.optional(),
  testSet: testSetSchema,
  verdict: verdictSchema,
  passed: count,
  failed: count,
  sandbox: z.enum(["bwrap", "none"]).optional(),
  tests: z.array(testOutcomeSchema),
});

/** The flow decided something about a code version or a test: "reverted: broke anchor 3", "selected as final". */
export const decisionSchema = z.object({
  type: z.literal("decision"),
  nodeKey: nodeKey.optional(),
  outcome: z.enum(["kept", "reverted", "selected", "rejected"]),
  reason: z.string().min(1),
  versionId: z.string().min(1).optional(),
  testSet: testSetSchema.optional(),
  testIndex: count.optional(),
  /** Indexes of the anchors a reverted fix broke. */
  brokenAnchors: z.array(count).optional(),
});

/** A stage node ended. `resumed` marks a node whose earlier result was reused instead of being run again. */
export const stageFinishedSchema = z.object({
  type: z.literal("stage_finished"),
  nodeKey,
  stage: stageName,
  status: z.enum(["ok", "failed", "skipped"]),
  durationMs: count,
  tokens: count.default(0),
  costUsd: usd.default(0),
  llmCalls: count.default(0),
  resumed: z.boolean().default(false),
  error: z.string().optional(),
});

/** Something went wrong. Not terminal by itself: `run_finished` always follows a fatal error. */
export const errorSchema = z.object({
  type: z.literal("error"),
  message: z.string().min(1),
  stage: stageName.optional(),
  nodeKey: nodeKey.optional(),
  fatal: z.boolean().default(false),
  /** The process running the run stopped (crash, restart): the run is left resumable. */
  interrupted: z.boolean().default(false),
});

/** The terminal event: nothing follows it unless the run is resumed. */
export const runFinishedSchema = z.object({
  type: z.literal("run_finished"),
  status: terminalStatusSchema,
  /** Solved on the hidden (private + generated) tests; null when they were not run. */
  solved: z.boolean().nullable().default(null),
  finalVersionId: z.string().min(1).optional(),
  finalCode: z.string().optional(),
  error: z.string().optional(),
  tests: z
    .object({ public: passFail.optional(), ai: passFail.optional(), hidden: passFail.optional() })
    .default({}),
  totals: z.object({
    llmCalls: count,
    promptTokens: count,
    completionTokens: count,
    reasoningTokens: count.default(0),
    costUsd: usd,
    wallMs: count,
  }),
});

export const runEventSchema = z.discriminatedUnion("type", [
  runStartedSchema,
  stageStartedSchema,
  tokenSchema,
  reasoningSchema,
  llmCallSchema,
  parsedOutputSchema,
  codeVersionSchema,
  testResultsSchema,
  decisionSchema,
  stageFinishedSchema,
  errorSchema,
  runFinishedSchema,
]);

/** What the log adds to every event: its run, its position in the run, and when it was stored (ISO 8601). */
export const storedEventMetaSchema = z.object({
  runId: z.string().min(1),
  seq: z.int().positive(),
  createdAt: z.iso.datetime(),
});

export const storedRunEventSchema = z.intersection(runEventSchema, storedEventMetaSchema);

/** What an emitter passes in: defaults may be omitted. */
export type RunEventInput = z.input<typeof runEventSchema>;
/** An event after validation, with its defaults filled in. */
export type RunEvent = z.infer<typeof runEventSchema>;
export type RunEventType = RunEvent["type"];
export type StoredRunEvent = z.infer<typeof storedRunEventSchema>;
export type TestOutcome = z.infer<typeof testOutcomeSchema>;

export const TERMINAL_EVENT_TYPE = "run_finished" satisfies RunEventType;

export function isTerminalEvent(event: { type: string }): boolean {
  return event.type === TERMINAL_EVENT_TYPE;
}

/** Validates an event at the store's boundary, with an error that names the event type and the bad fields. */
export function parseRunEvent(input: unknown): RunEvent {
  const result = runEventSchema.safeParse(input);
  if (result.success) return result.data;
  const type = typeof input === "object" && input !== null && "type" in input ? String(input.type) : "(no type)";
  throw new InvalidRunEventError(type, z.prettifyError(result.error));
}

export class InvalidRunEventError extends Error {
  constructor(
    readonly eventType: string,
    readonly details: string,
  ) {
    super(`invalid run event "${eventType}": ${details}`);
    this.name = "InvalidRunEventError";
  }
}

/** The stage an event belongs to, for the RunEvent.stage column (filtering a run's log by stage). */
export function eventStage(event: RunEvent): string | null {
  if ("stage" in event && typeof event.stage === "string") return event.stage;
  if ("nodeKey" in event && typeof event.nodeKey === "string") return event.nodeKey.split("#")[0];
  return null;
}
