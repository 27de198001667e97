import fs from "node:fs";
import cliProgress from "cli-progress";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import {
  judge,
  JudgeInputError,
  LANGUAGE_IDS,
  SandboxUnavailableError,
  type JudgeRequestInput,
  type JudgeResult,
  type TestCase,
} from "@/lib/judge";
import { loadProblemTests, TestSetSchema } from "@/lib/judge/problem-tests";
import { testsFromCodeContests } from "@/lib/judge/tests-file";
import { CliError, log, printJson } from "../output";
import type { RegisterCommand } from "./index";

const JudgeFlagsSchema = z
  .object({
    lang: z.enum(LANGUAGE_IDS, { error: `--lang must be one of ${LANGUAGE_IDS.join(", ")}` }),
    code: z.string({ error: "--code FILE is required" }),
    tests: z.string().optional(),
    problem: z.string().optional(),
    set: z.enum(TestSetSchema.options, { error: "--set must be public, private or all" }).default("all"),
    timeLimit: z.coerce.number({ error: "--time-limit must be a number of seconds" }).positive().max(60).optional(),
    memoryLimit: z.coerce.number({ error: "--memory-limit must be a number of MB" }).int().min(16).max(4096).optional(),
    comparator: z.enum(["exact", "lines", "tokens", "float"], { error: "--comparator must be exact, lines, tokens or float" }).optional(),
    stopOnFirstFailure: z.boolean().optional(),
    json: z.boolean().optional(),
  })
  .refine((f) => (f.tests === undefined) !== (f.problem === undefined), {
    message: "give exactly one of --tests FILE or --problem NAME",
  });

function readFile(file: string, what: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new CliError(`cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function testsFromFile(file: string): TestCase[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFile(file, "tests file"));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file} is not JSON: ${(error as Error).message}`);
  }
  try {
    return testsFromCodeContests(raw);
  } catch (error) {
    throw new CliError(`${file}: ${(error as Error).message}`);
  }
}

function printHuman(result: JudgeResult): void {
  if (result.compile && !result.compile.ok) process.stdout.write(`${result.compile.message.trimEnd()}\n`);
  for (const t of result.tests) {
    const where = t.message ? `  ${t.message}` : "";
    process.stdout.write(
      `#${String(t.index).padEnd(4)} ${t.verdict.padEnd(3)} ${String(t.timeMs).padStart(5)} ms ${String(Math.round(t.memoryKb / 1024)).padStart(4)} MB${where}\n`,
    );
  }
  process.stdout.write(
    `${result.verdict}: ${result.passed} passed, ${result.failed} failed (sandbox ${result.sandbox}, comparator ${result.comparator}, ${result.timeLimitMs} ms, ${result.memoryLimitMb} MB)\n`,
  );
  if (result.sandbox === "none") log("warning: ALPHAFLOW_SANDBOX=none: the program ran WITHOUT isolation");
}

export const registerJudge: RegisterCommand = (program) => {
  program
    .command("judge")
    .description("run a program against tests in the sandbox and print per-test verdicts")
    .requiredOption("--lang <language>", "python3 or cpp")
    .requiredOption("--code <file>", "the program's source file")
    .option("--tests <file>", 'CodeContests-shaped tests: {"input": ["..."], "output": ["..."]}')
    .option("--problem <name>", "a stored problem (name or id): its tests, time limit and statement")
    .option("--set <set>", "with --problem: public, private (all hidden tests) or all", "all")
    .option("--time-limit <seconds>", "CPU time per test (default: the problem's, else 3)")
    .option("--memory-limit <mb>", "memory per test (default: the problem's, else 256)")
    .option("--comparator <kind>", "exact, lines, tokens or float (default float: tokens with tolerance)")
    .option("--stop-on-first-failure", "stop at the first test that does not pass")
    .option("--json", "print the result as JSON on stdout")
    .action(async (raw: unknown) => {
      const parsed = JudgeFlagsSchema.safeParse(raw);
      if (!parsed.success) throw new CliError(parsed.error.issues[0].message);
      const flags = parsed.data;
      const code = readFile(flags.code, "code file");

      const request: JudgeRequestInput = {
        language: flags.lang,
        code,
        tests: [],
        timeLimitMs: flags.timeLimit === undefined ? undefined : Math.round(flags.timeLimit * 1000),
        memoryLimitMb: flags.memoryLimit,
        comparator: flags.comparator ? { kind: flags.comparator } : undefined,
        stopOnFirstFailure: flags.stopOnFirstFailure,
      };
      if (flags.tests) request.tests = testsFromFile(flags.tests);
      else {
        migrateDatabase();
        const problem = await loadProblemTests(db(), flags.problem!, flags.set);
        if (!problem) throw new CliError(`no problem named "${flags.problem}" (see alphaflow problems --search)`);
        request.tests = problem.tests;
        request.timeLimitMs ??= problem.timeLimitMs ?? undefined;
        request.memoryLimitMb ??= problem.memoryLimitMb ?? undefined;
        request.problemStatement = problem.description;
      }
      if (request.tests.length === 0) throw new CliError("there are no tests to run");

      const bar =
        process.stderr.isTTY && !flags.json
          ? new cliProgress.SingleBar({ stream: process.stderr, format: "judging [{bar}] {value}/{total}" })
          : null;
      bar?.start(request.tests.length, 0);
      let result: JudgeResult;
      try {
        result = await judge(request, { onResult: () => bar?.increment() });
      } catch (error) {
        if (error instanceof JudgeInputError || error instanceof SandboxUnavailableError) throw new CliError(error.message);
        throw error;
      } finally {
        bar?.stop();
      }
      if (flags.json) printJson(result);
      else printHuman(result);
    });
};
