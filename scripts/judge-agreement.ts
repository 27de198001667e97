/**
 * Judges every labelled program of ../shared/data/codecontests against the hidden tests and prints how often our
 * verdict agrees with the label: the 523 LLM solutions (labelled by an external harness) and the human correct
 * and incorrect solutions (Python 3 and C++). Usage: npm run judge:agreement -- [--only llm|human]
 * [--problem NAME-PREFIX] [--limit N] [--concurrency N] [--report FILE]
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { judge, type JudgeResult, type LanguageId } from "@/lib/judge";

const DATA = path.resolve(import.meta.dirname, "..", "..", "shared", "data", "codecontests");

const TestsSchema = z.object({ input: z.array(z.string()), output: z.array(z.string()) });
const ProblemSchema = z.object({
  name: z.string(),
  description: z.string(),
  time_limit: z.number().nullable().optional(),
  public_tests: TestsSchema.nullable().optional(),
  private_and_generated_tests: TestsSchema.nullable().optional(),
  llm_solutions: z
    .array(z.object({ model_alias: z.string(), method: z.string(), language: z.string(), code: z.string(), passed_all_tests: z.boolean() }))
    .nullable()
    .optional(),
});
const HumanSchema = z.object({
  name: z.string(),
  solutions: z.array(z.object({ language: z.string(), code: z.string() })).default([]),
  incorrect_solutions: z.array(z.object({ language: z.string(), code: z.string() })).default([]),
});

interface Case {
  group: string;
  label: string;
  problem: z.infer<typeof ProblemSchema>;
  language: LanguageId;
  code: string;
  expectedPass: boolean;
  tests: { input: string; output: string }[];
}

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    problem: { type: "string" },
    limit: { type: "string" },
    concurrency: { type: "string", default: "2" },
    report: { type: "string" },
  },
});

function readJsonl<T>(file: string, schema: z.ZodType<T>): T[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => schema.parse(JSON.parse(line)));
}

function zipTests(tests: z.infer<typeof TestsSchema> | null | undefined) {
  if (!tests) return [];
  return tests.input.map((input, i) => ({ input, output: tests.output[i] ?? "" }));
}

const HUMAN_LANGUAGES: Record<string, LanguageId> = { CPP: "cpp", PYTHON3: "python3" };

function buildCases(): { cases: Case[]; skipped: Record<string, number> } {
  const problems = readJsonl(path.join(DATA, "test.jsonl"), ProblemSchema).filter(
    (p) => (p.private_and_generated_tests?.input.length ?? 0) > 0 && (!values.problem || p.name.startsWith(values.problem)),
  );
  const byName = new Map(problems.map((p) => [p.name, p]));
  const cases: Case[] = [];
  const skipped: Record<string, number> = {};
  if (values.only !== "human") {
    for (const problem of problems) {
      for (const [i, s] of (problem.llm_solutions ?? []).entries()) {
        cases.push({
          group: "llm",
          label: `${problem.name} llm#${i} ${s.model_alias}/${s.method}`,
          problem,
          language: "python3",
          code: s.code,
          expectedPass: s.passed_all_tests,
          tests: zipTests(problem.private_and_generated_tests),
        });
      }
    }
  }
  const humanFile = path.join(DATA, "human_solutions_test.jsonl");
  if (values.only !== "llm" && fs.existsSync(humanFile)) {
    for (const human of readJsonl(humanFile, HumanSchema)) {
      const problem = byName.get(human.name);
      if (!problem) continue;
      const tests = [...zipTests(problem.public_tests), ...zipTests(problem.private_and_generated_tests)];
      for (const [expectedPass, list] of [
        [true, human.solutions],
        [false, human.incorrect_solutions],
      ] as const) {
        for (const [i, s] of list.entries()) {
          const language = HUMAN_LANGUAGES[s.language];
          if (!language) {
            skipped[s.language] = (skipped[s.language] ?? 0) + 1;
            continue;
          }
          cases.push({
            group: `human-${language}`,
            label: `${problem.name} ${expectedPass ? "correct" : "incorrect"}#${i} ${language}`,
            problem,
            language,
            code: s.code,
            expectedPass,
            tests,
          });
        }
      }
    }
  }
  const limit = values.limit ? Number(values.limit) : Infinity;
  return { cases: cases.slice(0, limit), skipped };
}

function firstFailure(result: JudgeResult): string {
  const failed = result.tests.find((t) => t.verdict !== "AC");
  if (!failed) return "all AC";
  const detail = failed.message ?? "";
  return `test ${failed.index}: ${failed.verdict} ${detail} (cpu ${failed.timeMs} ms, ${Math.round(failed.memoryKb / 1024)} MB)${
    failed.stderr ? ` stderr: ${failed.stderr.trim().split("\n").slice(-1)[0]?.slice(0, 160)}` : ""
  }`;
}

async function main() {
  if (!fs.existsSync(path.join(DATA, "test.jsonl"))) {
    console.error(`no data: ${DATA}/test.jsonl is missing`);
    process.exitCode = 1;
    return;
  }
  const { cases, skipped } = buildCases();
  const started = Date.now();
  const tally = new Map<string, { total: number; agree: number }>();
  const disagreements: { label: string; expected: string; got: string; why: string }[] = [];
  let done = 0;
  let next = 0;
  const concurrency = Math.max(1, Number(values.concurrency));

  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++];
      const result = await judge({
        language: c.language,
        code: c.code,
        tests: c.tests,
        timeLimitMs: c.problem.time_limit ? Math.round(c.problem.time_limit * 1000) : undefined,
        problemStatement: c.problem.description,
        stopOnFirstFailure: true,
      });
      const passed = result.verdict === "AC";
      const entry = tally.get(c.group) ?? { total: 0, agree: 0 };
      entry.total++;
      if (passed === c.expectedPass) entry.agree++;
      else {
        const row = { label: c.label, expected: c.expectedPass ? "pass" : "fail", got: result.verdict, why: firstFailure(result) };
        disagreements.push(row);
        console.log(`DISAGREE ${row.label}: label ${row.expected}, judge ${row.got} — ${row.why}`);
      }
      tally.set(c.group, entry);
      done++;
      if (done % 25 === 0) console.error(`${done}/${cases.length} judged (${Math.round((Date.now() - started) / 1000)} s)`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));

  let total = 0;
  let agree = 0;
  console.log("\nagreement by group:");
  for (const [group, t] of tally) {
    total += t.total;
    agree += t.agree;
    console.log(`  ${group.padEnd(14)} ${t.agree}/${t.total} = ${((100 * t.agree) / t.total).toFixed(2)}%`);
  }
  console.log(`  ${"all".padEnd(14)} ${agree}/${total} = ${((100 * agree) / Math.max(1, total)).toFixed(2)}%`);
  if (Object.keys(skipped).length > 0) console.log(`not judged (language not supported): ${JSON.stringify(skipped)}`);
  console.log(`wall time ${Math.round((Date.now() - started) / 1000)} s`);
  if (values.report) {
    fs.writeFileSync(values.report, JSON.stringify({ tally: Object.fromEntries(tally), disagreements, skipped }, null, 2));
  }
}

await main();
