import { z } from "zod";
import { difficultyLabel } from "./difficulty";
import { describeZodError } from "./import-error";
import { problemSchema, type Problem, type Solution, type SolutionLanguage, type TestCase } from "./schema";

/** Arrow and parquet hand 64-bit integers over as bigint. */
const numberish = z.union([z.number(), z.bigint().transform(Number)]);

/** The CodeContests test struct (`{input[], output[]}`, plus AlphaCodium's `is_valid_test`), or a list of pairs. */
const rawTestsSchema = z
  .union([
    z.object({
      input: z.array(z.string()).nullish(),
      output: z.array(z.string()).nullish(),
      is_valid_test: z.array(z.boolean().nullable()).nullish(),
    }),
    z.array(z.object({ input: z.string(), output: z.string() })),
  ])
  .nullish();

const rawTimeLimitSchema = z
  .union([numberish, z.object({ seconds: numberish.nullish(), nanos: numberish.nullish() })])
  .nullish();

/** deepmind's `{language: int[], solution: string[]}` or a list of `{language, code|solution, passed_all_tests}`. */
const rawSolutionsSchema = z
  .union([
    z.object({ language: z.array(z.union([numberish, z.string()])), solution: z.array(z.string()) }),
    z.array(
      z.object({
        language: z.union([numberish, z.string()]),
        code: z.string().optional(),
        solution: z.string().optional(),
        passed_all_tests: z.union([z.boolean(), z.enum(["True", "False", "true", "false"])]).nullish(),
        model_alias: z.string().nullish(),
        method: z.string().nullish(),
      }),
    ),
  ])
  .nullish();

/** CodeContests names Codeforces problems "<contest>_<index>. <title>", e.g. "1575_A. Another Sorting Problem". */
const CF_NAME = /^\d+_([A-Z]\d?)\.\s/;

/** deepmind/code_contests `Source` enum. */
const SOURCES = ["unknown", "codechef", "codeforces", "hackerearth", "codejam", "atcoder", "aizu"];

export const codeContestsRowSchema = z.object({
  name: z.string({ error: "name is missing" }),
  description: z.string({ error: "description is missing" }),
  public_tests: rawTestsSchema,
  private_tests: rawTestsSchema,
  generated_tests: rawTestsSchema,
  private_and_generated_tests: rawTestsSchema,
  source: z.unknown().optional(),
  split: z.string().nullish(),
  index_in_split: numberish.nullish(),
  difficulty: z.union([numberish, z.string()]).nullish(),
  cf_tags: z.array(z.string()).nullish(),
  tags: z.array(z.string()).nullish(),
  cf_contest_id: numberish.nullish(),
  cf_index: z.string().nullish(),
  cf_rating: numberish.nullish(),
  time_limit: rawTimeLimitSchema,
  memory_limit_bytes: numberish.nullish(),
  solutions: rawSolutionsSchema,
  incorrect_solutions: rawSolutionsSchema,
  llm_solutions: rawSolutionsSchema,
});

export type CodeContestsRow = z.infer<typeof codeContestsRowSchema>;

export interface RowDefaults {
  split?: string | null;
  indexInSplit?: number | null;
}

/** Turns one dataset row (CodeContests, AlphaCodium's problem file, or our own camelCase shape) into a problem. */
export function problemFromRow(raw: unknown, defaults: RowDefaults = {}): Problem {
  if (isCamelCaseProblem(raw)) return parseProblem({ split: defaults.split, indexInSplit: defaults.indexInSplit, ...raw });
  const parsed = codeContestsRowSchema.safeParse(raw);
  if (!parsed.success) throw new Error(describeZodError(parsed.error));
  const row = parsed.data;
  return parseProblem({
    name: row.name,
    description: row.description,
    publicTests: tests(row.public_tests, "public_tests"),
    privateTests: [
      ...tests(row.private_tests, "private_tests"),
      // The merged list's private/generated boundary was not recorded, so all of it counts as private.
      ...tests(row.private_and_generated_tests, "private_and_generated_tests"),
    ],
    generatedTests: tests(row.generated_tests, "generated_tests"),
    timeLimitMs: timeLimitMs(row.time_limit),
    memoryLimitMb: row.memory_limit_bytes ? Math.round(row.memory_limit_bytes / (1024 * 1024)) : null,
    difficulty: difficultyLabel(row.difficulty),
    tags: [...new Set([...(row.cf_tags ?? []), ...(row.tags ?? [])].map((t) => t.trim()).filter(Boolean))],
    source: sourceLabel(row.source),
    split: row.split ?? defaults.split ?? null,
    indexInSplit: row.index_in_split ?? defaults.indexInSplit ?? null,
    cfContestId: row.cf_contest_id || null,
    cfIndex: row.cf_index || (row.cf_contest_id ? (CF_NAME.exec(row.name)?.[1] ?? null) : null),
    cfRating: row.cf_rating || null,
    solutions: [
      ...solutions(row.solutions, true, "dataset"),
      ...solutions(row.incorrect_solutions, false, "dataset"),
      ...solutions(row.llm_solutions, null, "llm"),
    ],
  });
}

function parseProblem(candidate: unknown): Problem {
  const parsed = problemSchema.safeParse(candidate);
  if (!parsed.success) throw new Error(describeZodError(parsed.error));
  return parsed.data;
}

const CAMEL_KEYS = ["publicTests", "privateTests", "generatedTests", "timeLimitMs", "memoryLimitMb", "indexInSplit", "cfContestId"];
const SNAKE_KEYS = ["public_tests", "private_tests", "generated_tests", "private_and_generated_tests", "time_limit", "index_in_split"];

function isCamelCaseProblem(raw: unknown): raw is Record<string, unknown> {
  if (typeof raw !== "object" || raw === null) return false;
  return CAMEL_KEYS.some((key) => key in raw) && !SNAKE_KEYS.some((key) => key in raw);
}

function tests(raw: z.infer<typeof rawTestsSchema>, field: string): TestCase[] {
  if (!raw) return [];
  if (Array.isArray(raw)) return raw;
  const inputs = raw.input ?? [];
  const outputs = raw.output ?? [];
  if (inputs.length !== outputs.length) {
    throw new Error(`${field}: ${inputs.length} inputs but ${outputs.length} outputs`);
  }
  // AlphaCodium's cleaning marks malformed tests invalid instead of deleting them.
  return inputs
    .map((input, i) => ({ input, output: outputs[i], valid: raw.is_valid_test?.[i] !== false }))
    .filter((t) => t.valid)
    .map(({ input, output }) => ({ input, output }));
}

function timeLimitMs(raw: z.infer<typeof rawTimeLimitSchema>): number | null {
  if (raw === null || raw === undefined) return null;
  const ms = typeof raw === "number" ? raw * 1000 : (raw.seconds ?? 0) * 1000 + (raw.nanos ?? 0) / 1e6;
  return ms > 0 ? Math.round(ms) : null;
}

function sourceLabel(raw: unknown): string {
  if (typeof raw === "number" || typeof raw === "bigint") return SOURCES[Number(raw)] ?? "unknown";
  if (typeof raw === "string" && raw.trim() !== "") return raw.trim().toLowerCase();
  // test.jsonl records provenance (repositories and commits) here rather than a judge name.
  return "codecontests";
}

const LANGUAGE_CODES: SolutionLanguage[] = ["unknown", "python2", "cpp", "python3", "java"];

function languageOf(raw: number | string): SolutionLanguage {
  if (typeof raw === "number") return LANGUAGE_CODES[raw] ?? "unknown";
  const key = raw.trim().toLowerCase().replace("c++", "cpp");
  if (key === "python3" || key === "python 3" || key === "py3") return "python3";
  if (key === "python2" || key === "python" || key === "python 2") return "python2";
  if (key === "cpp" || key === "java") return key;
  return "unknown";
}

function solutions(raw: z.infer<typeof rawSolutionsSchema>, passed: boolean | null, origin: string): Solution[] {
  if (!raw) return [];
  if (!Array.isArray(raw)) {
    if (raw.language.length !== raw.solution.length) {
      throw new Error(`solutions: ${raw.language.length} languages but ${raw.solution.length} programs`);
    }
    return raw.solution.map((code, i) => ({ language: languageOf(raw.language[i]), code, passed, origin }));
  }
  return raw
    .map((s) => ({
      language: languageOf(s.language),
      code: s.code ?? s.solution ?? "",
      passed: s.passed_all_tests === undefined || s.passed_all_tests === null ? passed : String(s.passed_all_tests).toLowerCase() === "true",
      origin: [origin, s.model_alias, s.method].filter(Boolean).join(":"),
    }))
    .filter((s) => s.code.trim() !== "");
}
