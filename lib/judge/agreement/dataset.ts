import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { LanguageId, TestCase } from "../schema";

/**
 * The labelled programs of ../shared/data/codecontests, as scripts/judge-agreement.ts judges them: the LLM
 * solutions (labelled by an external harness on the hidden tests) and the human correct and incorrect programs
 * (labelled by Codeforces on its full test set).
 */

const TestsSchema = z.object({ input: z.array(z.string()), output: z.array(z.string()) });
export const ProblemRowSchema = z.object({
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
export type ProblemRow = z.infer<typeof ProblemRowSchema>;

const HumanRowSchema = z.object({
  name: z.string(),
  solutions: z.array(z.object({ language: z.string(), code: z.string() })).default([]),
  incorrect_solutions: z.array(z.object({ language: z.string(), code: z.string() })).default([]),
});

export interface LabelledCase {
  group: "llm" | "human-python3" | "human-cpp";
  problem: ProblemRow;
  /** Stable within the dataset: `llm#3`, `correct#0`, `incorrect#12` (index in its list). */
  programId: string;
  /** Where the label comes from, for the report: model/method for LLM programs. */
  origin: string;
  language: LanguageId;
  code: string;
  expectedPass: boolean;
  tests: Required<TestCase>[];
  /** Tests before this index are public examples (human programs are judged on public + hidden tests). */
  publicCount: number;
}

export interface CaseFilter {
  only?: "llm" | "human";
  problemPrefix?: string;
}

export function readJsonl<T>(file: string, schema: z.ZodType<T>): T[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => schema.parse(JSON.parse(line)));
}

function zipTests(tests: z.infer<typeof TestsSchema> | null | undefined): Required<TestCase>[] {
  if (!tests) return [];
  return tests.input.map((input, i) => ({ input, output: tests.output[i] ?? "" }));
}

const HUMAN_LANGUAGES: Record<string, LanguageId> = { CPP: "cpp", PYTHON3: "python3" };

export function timeLimitMsOf(problem: ProblemRow): number | undefined {
  return problem.time_limit ? Math.round(problem.time_limit * 1000) : undefined;
}

/** Only the problems with hidden tests can be judged; languages the judge lacks are counted, not judged. */
export function labelledCases(dataDir: string, filter: CaseFilter = {}): { cases: LabelledCase[]; skipped: Record<string, number> } {
  const problems = readJsonl(path.join(dataDir, "test.jsonl"), ProblemRowSchema).filter(
    (p) => (p.private_and_generated_tests?.input.length ?? 0) > 0 && (!filter.problemPrefix || p.name.startsWith(filter.problemPrefix)),
  );
  const cases: LabelledCase[] = [];
  const skipped: Record<string, number> = {};
  if (filter.only !== "human") {
    for (const problem of problems) {
      for (const [i, s] of (problem.llm_solutions ?? []).entries()) {
        cases.push({
          group: "llm",
          problem,
          programId: `llm#${i}`,
          origin: `${s.model_alias}/${s.method}`,
          language: "python3",
          code: s.code,
          expectedPass: s.passed_all_tests,
          tests: zipTests(problem.private_and_generated_tests),
          publicCount: 0,
        });
      }
    }
  }
  const humanFile = path.join(dataDir, "human_solutions_test.jsonl");
  if (filter.only !== "llm" && fs.existsSync(humanFile)) {
    const byName = new Map(problems.map((p) => [p.name, p]));
    for (const human of readJsonl(humanFile, HumanRowSchema)) {
      const problem = byName.get(human.name);
      if (!problem) continue;
      const publicTests = zipTests(problem.public_tests);
      const tests = [...publicTests, ...zipTests(problem.private_and_generated_tests)];
      for (const [expectedPass, kind, list] of [
        [true, "correct", human.solutions],
        [false, "incorrect", human.incorrect_solutions],
      ] as const) {
        for (const [i, s] of list.entries()) {
          const language = HUMAN_LANGUAGES[s.language];
          if (!language) {
            skipped[s.language] = (skipped[s.language] ?? 0) + 1;
            continue;
          }
          cases.push({
            group: language === "cpp" ? "human-cpp" : "human-python3",
            problem,
            programId: `${kind}#${i}`,
            origin: "Codeforces",
            language,
            code: s.code,
            expectedPass,
            tests,
            publicCount: publicTests.length,
          });
        }
      }
    }
  }
  return { cases, skipped };
}
