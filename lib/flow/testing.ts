import type { TestRunResult, Verdict } from "@/lib/judge/schema";
import { judgeTimed, type NodeContext } from "./context";
import type { FlowTest } from "./problem";
import type { VersionRef } from "./versions";

export type TestSetName = "public" | "ai" | "private" | "generated";

export interface TestOutcomeDetail {
  index: number;
  passed: boolean;
  verdict: Verdict;
  stdout: string;
  stderr: string;
  message?: string;
}

export interface TestRun {
  outcomes: TestOutcomeDetail[];
  pass: boolean[];
  passed: number;
  failed: number;
}

const STORED_TEXT = 4000;
const EVENT_EXCERPT = 600;
const JUDGE_MAX_TIME_LIMIT_MS = 60_000;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function timeLimitMs(ctx: NodeContext): number {
  const { judge } = ctx.config;
  return Math.min(JUDGE_MAX_TIME_LIMIT_MS, judge.time_limit_ms ?? ctx.problem.timeLimitMs ?? judge.default_time_limit_ms);
}

export function memoryLimitMb(ctx: NodeContext): number {
  return Math.min(4096, ctx.problem.memoryLimitMb ?? ctx.config.judge.memory_limit_mb);
}

function toOutcome(index: number, run: TestRunResult | undefined): TestOutcomeDetail {
  if (!run) return { index, passed: false, verdict: "SE", stdout: "", stderr: "", message: "the judge returned no result" };
  return { index, passed: run.verdict === "AC", verdict: run.verdict, stdout: run.stdout, stderr: run.stderr, message: run.message };
}

/**
 * Judges a version on one set of tests (kinds may mix only for hidden tests), stores a TestResult row per test and
 * emits test_results per set. Hidden tests are reported without their inputs or expected outputs.
 */
export async function judgeVersion(
  ctx: NodeContext,
  version: VersionRef,
  tests: (FlowTest & { kind?: TestSetName })[],
  testSet: TestSetName,
  anchors: ReadonlySet<number> = new Set(),
  /** The tests' own indexes in their set, when judging a subset (one failing test). */
  indexes: number[] = tests.map((_, i) => i),
): Promise<TestRun> {
  if (tests.length === 0) return { outcomes: [], pass: [], passed: 0, failed: 0 };
  const result = await judgeTimed(
      ctx,
    {
      language: ctx.config.language,
      code: version.code,
      tests: tests.map(({ input, output }) => ({ input, output })),
      timeLimitMs: timeLimitMs(ctx),
      memoryLimitMb: Math.min(4096, ctx.problem.memoryLimitMb ?? ctx.config.judge.memory_limit_mb),
      problemStatement: ctx.problem.description,
    },
    { signal: ctx.signal },
  );
  const byIndex = new Map(result.tests.map((t) => [t.index, t]));
  const runs = tests.map((_, i) => byIndex.get(i));
  const outcomes = runs.map((run, i) => toOutcome(i, run));
  const setOf = (i: number): TestSetName => tests[i].kind ?? testSet;
  ctx.writes.push(() =>
    ctx.db.testResult.createMany({
      data: outcomes.map((outcome, i) => ({
      runId: ctx.runId,
      codeVersionId: version.versionId,
      testSet: setOf(i),
      testIndex: indexes[i],
      verdict: outcome.verdict,
      comparator: runs[i]?.comparator ?? result.comparator,
      timeMs: Math.round(runs[i]?.timeMs ?? 0),
      wallMs: Math.round(runs[i]?.wallMs ?? 0),
      memoryKb: Math.round(runs[i]?.memoryKb ?? 0),
      stdout: clip(outcome.stdout, STORED_TEXT),
      stderr: clip(outcome.stderr, STORED_TEXT),
      isAnchor: anchors.has(indexes[i]),
    })),
    }),
  );
  const hidden = testSet === "private" || testSet === "generated";
  for (const set of [...new Set(outcomes.map((_, i) => setOf(i)))]) {
    const members = outcomes.filter((_, i) => setOf(i) === set);
    const failedOne = members.find((o) => !o.passed);
    ctx.emit({
      type: "test_results",
      versionId: version.versionId,
      nodeKey: ctx.nodeKey,
      testSet: set,
      verdict: failedOne ? failedOne.verdict : "AC",
      passed: members.filter((o) => o.passed).length,
      failed: members.filter((o) => !o.passed).length,
      sandbox: result.sandbox,
      tests: members.map((o) => ({
        index: indexes[o.index],
        verdict: o.verdict,
        timeMs: Math.round(runs[o.index]?.timeMs ?? 0),
        wallMs: Math.round(runs[o.index]?.wallMs ?? 0),
        memoryKb: Math.round(runs[o.index]?.memoryKb ?? 0),
        ...(hidden ? {} : { input: clip(tests[o.index].input, EVENT_EXCERPT), expected: clip(tests[o.index].output, EVENT_EXCERPT) }),
        stdout: clip(o.stdout, EVENT_EXCERPT),
        stderr: clip(o.stderr, EVENT_EXCERPT),
        isAnchor: anchors.has(indexes[o.index]),
      })),
    });
  }
  const pass = outcomes.map((o) => o.passed);
  const passed = pass.filter(Boolean).length;
  return { outcomes, pass, passed, failed: pass.length - passed };
}
