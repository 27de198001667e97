import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { projectRoot } from "@/lib/db/url";
import { languageSchema } from "./schemas";

/** Initial-code attempts are told apart by sample index; keep them inside one run's range (see ask-model.ts). */
const SAMPLES_PER_RUN_LIMIT = 20;
const temperature = z.number().min(0).max(2);
const count = (max: number) => z.number().int().min(0).max(max);

export const flowModeSchema = z.enum(["flow", "direct", "baseline"]);

/** The flow's configuration. Every key is required here: config/default.yaml holds the defaults. */
export const flowConfigSchema = z.strictObject({
  mode: flowModeSchema,
  language: languageSchema,
  model: z.string().trim().min(1).nullable(),
  llm: z.strictObject({
    frequency_penalty: z.number().min(-2).max(2),
    max_tokens: z.number().int().min(64).max(200_000),
    timeout_s: z.number().positive().max(3600),
    parse_retries: count(5),
    temperatures: z.strictObject({
      reflect: temperature,
      validate_reflection: temperature,
      possible_solutions: temperature,
      choose_solution: temperature,
      ai_tests: temperature,
      validate_ai_tests: temperature,
      initial_code: temperature,
      analyze_failure: temperature,
      fix_code: temperature,
      analyze_and_fix: temperature,
      baseline: temperature,
    }),
  }),
  reflection: z.strictObject({ validate: z.boolean() }),
  possible_solutions: z.strictObject({
    max_solutions: z.number().int().min(1).max(8),
    use_test_explanations: z.boolean(),
    remove_brute_force: z.boolean(),
  }),
  ai_tests: z.strictObject({
    count: count(30),
    validate: z.boolean(),
    use_test_explanations: z.boolean(),
    check_inputs: z.boolean(),
  }),
  initial_code: z.strictObject({
    max_attempts: count(SAMPLES_PER_RUN_LIMIT),
    concurrency: z.number().int().min(1).max(8),
  }),
  public_fix: z.strictObject({
    max_fixes: count(20),
    max_fixes_per_test: z.number().int().min(1).max(10),
    fix_style: z.enum(["two_call", "one_call"]),
    use_test_explanations: z.boolean(),
    use_self_reflection: z.boolean(),
  }),
  ai_fix: z.strictObject({ max_fixes: count(20) }),
  judge: z.strictObject({
    time_limit_ms: z.number().int().positive().max(600_000).nullable(),
    default_time_limit_ms: z.number().int().positive().max(600_000),
    memory_limit_mb: z.number().int().min(16).max(65_536),
    score_hidden: z.boolean(),
  }),
});
export type FlowConfig = z.infer<typeof flowConfigSchema>;

export class ConfigError extends Error {}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Overrides replace leaves and merge mappings, so a file may set only `ai_tests.count`. */
function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = key in base ? deepMerge(base[key], value) : value;
  return merged;
}

function describe(error: z.ZodError, source: string): string {
  const issues = error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => `unknown key "${[...issue.path, key].join(".")}"`).join("; ");
    }
    return `${issue.path.join(".") || "(root)"}: ${issue.message}`;
  });
  return `invalid flow config (${source}): ${issues.join("; ")}`;
}

function parseYamlObject(text: string, source: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw new ConfigError(`invalid flow config (${source}): ${(error as Error).message.split("\n")[0]}`);
  }
  if (value === null || value === undefined) return {};
  if (!isPlainObject(value)) throw new ConfigError(`invalid flow config (${source}): the top level must be a mapping`);
  return value;
}

let defaults: FlowConfig | undefined;

/** config/default.yaml, validated: the single source of default values. */
export function defaultFlowConfig(): FlowConfig {
  if (!defaults) {
    const file = path.join(projectRoot(), "config", "default.yaml");
    const parsed = flowConfigSchema.safeParse(parseYamlObject(fs.readFileSync(file, "utf8"), file));
    if (!parsed.success) throw new ConfigError(describe(parsed.error, file));
    defaults = parsed.data;
  }
  return structuredClone(defaults);
}

/** The effective config: overrides (a parsed object or YAML text) merged over the defaults and validated. */
export function resolveFlowConfig(overrides: unknown = {}, source = "config"): FlowConfig {
  const object = typeof overrides === "string" ? parseYamlObject(overrides, source) : overrides;
  if (object !== undefined && object !== null && !isPlainObject(object)) {
    throw new ConfigError(`invalid flow config (${source}): the top level must be a mapping`);
  }
  const parsed = flowConfigSchema.safeParse(deepMerge(defaultFlowConfig(), object ?? {}));
  if (!parsed.success) throw new ConfigError(describe(parsed.error, source));
  return parsed.data;
}

/** A config file (YAML) merged over the defaults. */
export function loadFlowConfigFile(file: string): FlowConfig {
  if (!fs.existsSync(file)) throw new ConfigError(`config file not found: ${file}`);
  return resolveFlowConfig(fs.readFileSync(file, "utf8"), file);
}
