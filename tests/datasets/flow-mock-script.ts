import fs from "node:fs";
import { stringify } from "yaml";
import { z } from "zod";

/** The fields of a test.jsonl row the scripted flow needs. */
const rowSchema = z.object({
  name: z.string(),
  description: z.string(),
  public_tests: z.object({ input: z.array(z.string()), output: z.array(z.string()) }),
  private_and_generated_tests: z.object({ input: z.array(z.string()) }).nullish(),
  llm_solutions: z
    .array(z.object({ language: z.string(), code: z.string(), passed_all_tests: z.boolean().nullish() }).passthrough())
    .nullish(),
});
export type CodeContestsRow = z.infer<typeof rowSchema>;

/** The named rows of a CodeContests JSONL file, in file order, each with its original line (to import it as is). */
export function readRows(file: string, names: string[]): { row: CodeContestsRow; line: string }[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => ({ line, value: JSON.parse(line) as { name?: unknown } }))
    .filter(({ value }) => typeof value.name === "string" && names.includes(value.name))
    .map(({ line, value }) => ({ row: rowSchema.parse(value), line }));
}

/** A Python program the dataset labels as passing every hidden test, if it has one. */
export function passingProgram(row: CodeContestsRow): string | null {
  const solution = row.llm_solutions?.find((s) => s.passed_all_tests === true && s.language.toLowerCase().startsWith("python") && s.code.trim() !== "");
  return solution?.code ?? null;
}

/** A text every prompt of this problem contains (the statement's opening, which even the short form keeps). */
export function problemMarker(row: CodeContestsRow): string {
  return row.description.split("\n")[0].slice(0, 60);
}

const yamlBlock = (value: unknown) => `\`\`\`yaml\n${stringify(value)}\`\`\`\n`;
const pythonBlock = (code: string) => `\`\`\`python\n${code.trimEnd()}\n\`\`\`\n`;

/**
 * A mock-LLM script that walks the real flow for each problem: structured answers built from its public tests, and
 * as code either a program known to pass the hidden tests (`solve`) or one that fails them.
 */
export function flowScript(rows: { row: CodeContestsRow; solve: boolean }[], options: { latencyMs?: number } = {}) {
  const stages: Record<string, Record<string, unknown>[]> = {};
  const add = (stage: string, match: string, content: string) => (stages[stage] ??= []).push({ match, content });
  for (const { row, solve } of rows) {
    const match = problemMarker(row);
    const tests = row.public_tests.input.map((input, i) => ({ input, output: row.public_tests.output[i], explanation: "as stated" }));
    const code = solve ? passingProgram(row) : 'print("no idea")';
    if (code === null) throw new Error(`${row.name} has no passing program to script`);
    add("reflect", match, yamlBlock({ self_reflection: [`Solve ${row.name}.`], tests_explanations: tests }));
    add("possible_solutions", match, yamlBlock({
      possible_solutions: [{ name: "direct", content: "Follow the statement.", why_it_works: "It is the statement.", labels: ["implementation"], complexity: "O(n)" }],
    }));
    add("choose_solution", match, yamlBlock({ name: "direct", content: "Follow the statement.", why: "Simplest.", flow: ["read", "compute", "print"] }));
    add("initial_code", match, pythonBlock(code));
    add("analyze_failure", match, yamlBlock({ failed_tests: "the first", what_went_wrong: "The output is wrong.", fixed_flow: "Compute it properly." }));
    add("fix_code", match, pythonBlock(code));
    add("baseline", match, pythonBlock(code));
  }
  return { models: ["mock-model"], latencyMs: options.latencyMs ?? 0, stages };
}

/** A flow config small enough for tests: no AI tests, one generation, one public fix round. */
export const SMALL_FLOW_CONFIG = stringify({
  ai_tests: { count: 0, validate: false },
  reflection: { validate: false },
  initial_code: { max_attempts: 0, concurrency: 1 },
  public_fix: { max_fixes: 1, max_fixes_per_test: 1 },
  ai_fix: { max_fixes: 0 },
});
