import { parse } from "yaml";
import type { z } from "zod";
import { blockScalarsForKeys, cutTrailingProse, dropLastLines, hasUnclosedQuote, replaceTabs } from "./repairs";
import { unwrapYaml } from "./unwrap";

/** What the reader needs to know about one stage's answer. */
export interface YamlAnswerSpec<S extends z.ZodType> {
  /** Keys that may start the document (aliases included): they locate the YAML inside prose and fences. */
  topKeys: readonly string[];
  /** Keys whose values are free text, safe to rewrite as block scalars. */
  textKeys: readonly string[];
  schema: S;
}

export type YamlReadResult<T> =
  | { ok: true; value: T; repairs: string[] }
  | { ok: false; error: string };

const MAX_TRAILING_LINES_DROPPED = 40;

function loadMapping(text: string): { value?: unknown; error?: string } {
  try {
    const value: unknown = parse(text, { uniqueKeys: false, logLevel: "silent" });
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      return { error: "the answer is not a YAML mapping of keys to values" };
    }
    return { value };
  } catch (error) {
    return { error: `YAML syntax: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}` };
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(root)"}: ${issue.message}`)
    .join("; ");
}

/**
 * Reads a model's YAML answer into a schema-valid value, repairing what real models get wrong: code fences and
 * prose around the YAML, tabs, inline text with colons or unbalanced quotes under known keys, prose after the
 * document, and an answer cut off mid-way (its broken tail is dropped line by line). The first candidate the
 * schema accepts wins, so a repair never overrides an answer that was already fine.
 */
export function readYamlAnswer<S extends z.ZodType>(text: string, spec: YamlAnswerSpec<S>): YamlReadResult<z.infer<S>> {
  const base = unwrapYaml(text, spec.topKeys);
  const tabless = replaceTabs(base);
  const blocks = blockScalarsForKeys(tabless, spec.textKeys);
  const candidates: [string, string[]][] = [
    [base, []],
    [tabless, ["tabs"]],
    [blocks, ["tabs", "block-scalars"]],
    [cutTrailingProse(blocks), ["tabs", "block-scalars", "trailing-prose"]],
  ];
  if (hasUnclosedQuote(tabless, spec.textKeys)) candidates.unshift(candidates.splice(2, 1)[0]);
  let yamlError: string | undefined;
  let schemaError: string | undefined;
  const attempt = (candidate: string, repairs: string[]): YamlReadResult<z.infer<S>> | null => {
    const loaded = loadMapping(candidate);
    if (loaded.error) {
      yamlError ??= loaded.error;
      return null;
    }
    const checked = spec.schema.safeParse(loaded.value);
    if (checked.success) return { ok: true, value: checked.data, repairs: [...new Set(repairs)] };
    schemaError ??= describeIssues(checked.error);
    return null;
  };
  for (const [candidate, repairs] of candidates) {
    const result = attempt(candidate, repairs);
    if (result) return result;
  }
  const lineCount = blocks.split("\n").length;
  const maxDrop = Math.min(MAX_TRAILING_LINES_DROPPED, Math.floor(lineCount / 2));
  for (let dropped = 1; dropped <= maxDrop; dropped++) {
    for (const [candidate, repairs] of [
      [tabless, ["tabs"]],
      [blocks, ["tabs", "block-scalars"]],
    ] as const) {
      const result = attempt(dropLastLines(candidate, dropped), [...repairs, "trailing-cut"]);
      if (result) return result;
    }
  }
  return { ok: false, error: schemaError ?? yamlError ?? "the answer holds no YAML" };
}
