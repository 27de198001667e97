import { runBatch, ProgramCompileError } from "./batch";
import { testResult, unrunResult } from "./classify";
import { createComparator } from "./comparators";
import { languageFor } from "./languages/registry";
import { defaultMemoryLimitMb, defaultTimeLimitMs, runLimits } from "./limits";
import { resolveSandboxKind } from "./sandbox/mode";
import {
  JudgeRequestSchema,
  type JudgeOptions,
  type JudgeRequestInput,
  type JudgeResult,
  type TestRunResult,
  type Verdict,
} from "./schema";

export class JudgeInputError extends Error {}

/** The first non-AC verdict in test order, else AC. */
export function overallVerdict(tests: TestRunResult[]): Verdict {
  return tests.find((t) => t.verdict !== "AC")?.verdict ?? "AC";
}

/**
 * Runs a program against tests in the sandbox and judges each output. Throws JudgeInputError on a malformed
 * request and SandboxUnavailableError when bwrap is missing without the explicit ALPHAFLOW_SANDBOX=none opt-out.
 */
export async function judge(input: JudgeRequestInput, options: JudgeOptions = {}): Promise<JudgeResult> {
  const parsed = JudgeRequestSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new JudgeInputError(`invalid judge request: ${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  const request = parsed.data;
  const sandbox = resolveSandboxKind();
  const language = languageFor(request.language);
  const timeLimitMs = request.timeLimitMs ?? defaultTimeLimitMs();
  const memoryLimitMb = request.memoryLimitMb ?? defaultMemoryLimitMb();
  const limits = runLimits(language, timeLimitMs, memoryLimitMb);
  const base = { sandbox, language: request.language, timeLimitMs, memoryLimitMb };

  const { comparator, close } = await createComparator(request.comparator, request.problemStatement, sandbox);
  try {
    const compileFailure = (message: string, cached: boolean): JudgeResult => {
      const tests = request.tests.map((_, i) => unrunResult(i, "CE", comparator.name, "compilation failed"));
      tests.forEach((t) => options.onResult?.(t));
      return {
        verdict: "CE",
        passed: 0,
        failed: tests.length,
        ...base,
        comparator: comparator.name,
        compile: { ok: false, message, cached },
        tests,
      };
    };

    const preparation = await language.prepare(request.code, { sandbox, signal: options.signal });
    if (!preparation.ok) return compileFailure(preparation.compile.message, preparation.compile.cached);
    const program = preparation.program;

    let results: (TestRunResult | undefined)[];
    try {
      results = await runBatch<TestRunResult>({
        sandbox,
        program,
        count: request.tests.length,
        request: (i) => ({ stdin: Buffer.from(request.tests[i].input, "utf8"), limits }),
        settle: async (i, run) => {
          const result = await testResult(i, request.tests[i], run, { limits, memoryLimitMb, language, comparator });
          options.onResult?.(result);
          return { result, failed: result.verdict !== "AC" };
        },
        sandboxFailure: (i, error) => {
          const result = unrunResult(i, "SE", comparator.name, `sandbox failure after retries: ${error.message}`);
          options.onResult?.(result);
          return result;
        },
        stopOnFirstFailure: request.stopOnFirstFailure ?? false,
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof ProgramCompileError) return compileFailure(error.message, false);
      throw error;
    }

    const tests = results.filter((r): r is TestRunResult => r !== undefined);
    const passed = tests.filter((t) => t.verdict === "AC").length;
    return {
      verdict: overallVerdict(tests),
      passed,
      failed: tests.length - passed,
      ...base,
      comparator: comparator.name,
      compile: program.compile ?? { ok: true, message: "", cached: false },
      tests,
    };
  } finally {
    await close();
  }
}
