import { parse } from "yaml";
import { unwrapYaml } from "./unwrap";
import type { StructuredStage } from "./answers";

export type AnswerKind = StructuredStage | "code";

const SIGNATURES: [AnswerKind, (keys: Set<string>) => boolean][] = [
  ["analyze_and_fix", (k) => k.has("fixed_code")],
  ["analyze_failure", (k) => k.has("what_went_wrong") || k.has("failed_tests") || k.has("failed_test")],
  ["validate_reflection", (k) => k.has("fixed_tests_explanations")],
  ["reflect", (k) => k.has("self_reflection") || k.has("self_description")],
  ["possible_solutions", (k) => k.has("possible_solutions")],
  ["choose_solution", (k) => k.has("name") && (k.has("content") || k.has("flow"))],
  ["ai_tests", (k) => k.has("tests")],
];

const ALL_TOP_KEYS = [
  "self_reflection", "self_description", "tests_explanations", "fixed_tests_explanations", "possible_solutions",
  "name", "tests", "failed_tests", "failed_test", "what_went_wrong", "fixed_code",
];

/**
 * Which schema an answer of unknown origin belongs to, decided by the top-level keys it starts with (read
 * line by line, so an answer that does not load as YAML is still classified). Anything else is a program.
 */
export function classifyAnswer(text: string): AnswerKind {
  const yaml = unwrapYaml(text, ALL_TOP_KEYS);
  const keys = new Set<string>();
  for (const line of yaml.split("\n")) {
    const match = /^([A-Za-z_][\w]*):(\s|$)/.exec(line);
    if (match) keys.add(match[1]);
  }
  try {
    const loaded: unknown = parse(yaml, { uniqueKeys: false, logLevel: "silent" });
    if (loaded && typeof loaded === "object" && !Array.isArray(loaded)) Object.keys(loaded).forEach((k) => keys.add(k));
  } catch {
    // Broken YAML is the normal case here; the line scan above already found its keys.
  }
  return SIGNATURES.find(([, matches]) => matches(keys))?.[0] ?? "code";
}
