import { LineCounter, parseDocument, isNode } from "yaml";
import { ConfigError, resolveFlowConfig, type FlowConfig } from "@/lib/flow/config";

export type PresetIssue = { message: string; line: number | null; path: string | null };
export type PresetValidation = { ok: true; config: FlowConfig } | { ok: false; issues: PresetIssue[] };

const MESSAGE_PREFIX = /^invalid flow config \([^)]*\): /;
const UNKNOWN_KEY = /^unknown key "([^"]+)"$/;
const PATH_MESSAGE = /^([A-Za-z0-9_.]+): (.+)$/;

/** The 1-based line of the deepest node on `path` that exists in the document (a bad key's parent if it is missing). */
function lineOf(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: string): number | null {
  const segments = path.split(".");
  for (let depth = segments.length; depth > 0; depth -= 1) {
    const node = doc.getIn(segments.slice(0, depth), true);
    if (isNode(node) && node.range) {
      const keyLine = findKeyLine(doc, counter, segments.slice(0, depth));
      return keyLine ?? counter.linePos(node.range[0]).line;
    }
  }
  return null;
}

/** A mapping key's own line: for `ai_tests:\n  count: x` an issue on ai_tests points at its key, not its value. */
function findKeyLine(doc: ReturnType<typeof parseDocument>, counter: LineCounter, segments: string[]): number | null {
  const parent = segments.length === 1 ? doc.contents : doc.getIn(segments.slice(0, -1), true);
  if (!parent || typeof parent !== "object" || !("items" in parent) || !Array.isArray(parent.items)) return null;
  for (const item of parent.items as unknown[]) {
    if (item && typeof item === "object" && "key" in item) {
      const key = (item as { key: unknown }).key;
      if (isNode(key) && key.range && String((key as { value?: unknown }).value) === segments[segments.length - 1]) {
        return counter.linePos(key.range[0]).line;
      }
    }
  }
  return null;
}

/** Splits lib/flow's "invalid flow config (source): a: x; unknown key \"b.c\"" into issues with a line each. */
function issuesFromConfigError(message: string, doc: ReturnType<typeof parseDocument>, counter: LineCounter): PresetIssue[] {
  const body = message.replace(MESSAGE_PREFIX, "");
  return body.split("; ").map((part) => {
    const unknown = UNKNOWN_KEY.exec(part);
    const withPath = PATH_MESSAGE.exec(part);
    const path = unknown?.[1] ?? withPath?.[1] ?? null;
    return { message: part, path, line: path ? lineOf(doc, counter, path) : null };
  });
}

/** Validates a preset's YAML exactly as a run would read it: YAML syntax first, then lib/flow's config schema. */
export function validatePresetYaml(yaml: string, source: string): PresetValidation {
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => ({
        message: error.message.split("\n")[0],
        line: counter.linePos(error.pos[0]).line,
        path: null,
      })),
    };
  }
  try {
    return { ok: true, config: resolveFlowConfig(yaml, source) };
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, issues: issuesFromConfigError(error.message, doc, counter) };
    throw error;
  }
}
