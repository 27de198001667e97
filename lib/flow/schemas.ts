import { stringify } from "yaml";
import { z } from "zod";

export const languageSchema = z.enum(["python3", "cpp"]);
export type Language = z.infer<typeof languageSchema>;

function asText(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item !== "object" || item === null)) {
    return value.map((item) => `- ${String(item)}`).join("\n");
  }
  return stringify(value).trimEnd();
}

/** Free text. Models answer a text field with a number, a list of bullets or a mapping: all become text. */
const text = z.preprocess(asText, z.string());

/** Test data: YAML single quotes keep `\n` literally, so a one-line value with `\n` escapes is unescaped. */
const testData = z.preprocess(
  (value) => {
    const shown = asText(value);
    return typeof shown === "string" && !shown.includes("\n") && shown.includes("\\n")
      ? shown.replace(/\\n/g, "\n")
      : shown;
  },
  z.string(),
);

/** A list of short statements, given either as a YAML list or as one bullet-point text. */
const textList = z.preprocess((value) => {
  if (typeof value === "string") {
    return value
      .split("\n")
      .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, "").trim())
      .filter((line) => line !== "");
  }
  return Array.isArray(value) ? value.map(asText) : value;
}, z.array(z.string().trim().min(1)));

/** Renames keys that earlier prompt versions used to the current ones, never overwriting a current key. */
function withAliases<S extends z.ZodType>(aliases: Record<string, string>, schema: S) {
  return z.preprocess((value) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
    const renamed: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const [old, current] of Object.entries(aliases)) {
      if (old in renamed && !(current in renamed)) renamed[current] = renamed[old];
      delete renamed[old];
    }
    return renamed;
  }, schema);
}

export const testExplanationSchema = z.object({
  input: testData,
  output: testData,
  explanation: text.default(""),
});
export type TestExplanation = z.infer<typeof testExplanationSchema>;

export const reflectOutputSchema = withAliases(
  { self_description: "self_reflection" },
  z.object({
    self_reflection: textList.pipe(z.array(z.string()).min(1, "self_reflection is empty")),
    tests_explanations: z.array(testExplanationSchema).default([]),
  }),
);

export const validateReflectionOutputSchema = z.object({
  fixed_tests_explanations: z.array(testExplanationSchema),
});

export const possibleSolutionSchema = z.object({
  name: text.pipe(z.string().trim().min(1, "a solution has no name")),
  content: text,
  why_it_works: text.default(""),
  labels: textList.default([]),
  complexity: text.default(""),
});
export type PossibleSolution = z.infer<typeof possibleSolutionSchema>;

export const possibleSolutionsOutputSchema = z.object({
  possible_solutions: z.array(possibleSolutionSchema).min(1, "no possible solution given"),
});

export const chooseSolutionOutputSchema = z.object({
  name: text.pipe(z.string().trim().min(1, "the chosen solution has no name")),
  content: text,
  why: text.default(""),
  flow: textList.default([]),
  ranking: textList.default([]),
  problem_tests: z.array(z.object({ input: testData, output: testData })).optional(),
  input_output_examples_flow: textList.optional(),
});

export const aiTestsOutputSchema = z.object({
  tests: z.array(testExplanationSchema).min(1, "no test given"),
});

const fixAliases = {
  input_output_fixed_flow: "fixed_flow",
  failed_test_fixed_flow: "fixed_flow",
  failed_test: "failed_tests",
};

export const analyzeFailureOutputSchema = withAliases(
  fixAliases,
  z.object({
    failed_tests: text.default(""),
    what_went_wrong: text.pipe(z.string().trim().min(1, "what_went_wrong is empty")),
    fixed_flow: text.default(""),
  }),
);

export const analyzeAndFixOutputSchema = withAliases(
  fixAliases,
  z.object({
    failed_tests: text.default(""),
    what_went_wrong: text.default(""),
    fixed_flow: text.default(""),
    fixed_code: text.pipe(z.string().trim().min(1, "fixed_code is empty")),
  }),
);
