import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { Prices } from "./capabilities";
import { inferProvider, PROVIDER_PRESETS, ProviderId } from "./providers";

export const DEFAULT_MODEL = "gpt-4.1-mini";

export const ReasoningEffort = z.enum(["minimal", "low", "medium", "high"]);
export type ReasoningEffort = z.infer<typeof ReasoningEffort>;

const positiveInt = z.coerce.number().int().positive();

export const LlmSettings = z.object({
  provider: ProviderId,
  baseUrl: z.url().optional(),
  apiKey: z.string().min(1).optional(),
  model: z.string().min(1),
  azureApiVersion: z.string().min(1).default("2024-10-21"),
  /** Longest silence (no header, no chunk) before an attempt is abandoned and retried. */
  timeoutMs: positiveInt.default(90_000),
  maxRetries: z.coerce.number().int().min(0).max(10).default(4),
  retryBaseDelayMs: z.coerce.number().int().min(0).default(1_000),
  retryMaxDelayMs: positiveInt.default(60_000),
  concurrency: positiveInt.optional(),
  requestsPerMinute: positiveInt.optional(),
  tokensPerMinute: positiveInt.optional(),
  reasoningEffort: ReasoningEffort.optional(),
  cache: z.boolean().default(true),
  prices: Prices.optional(),
});
export type LlmSettings = z.infer<typeof LlmSettings>;
export type LlmSettingsInput = z.input<typeof LlmSettings>;

/** Setting-table keys the settings page writes, mapped to fields. Values are strings in the table. */
export const SETTING_KEYS = {
  "llm.provider": "provider",
  "llm.baseUrl": "baseUrl",
  "llm.model": "model",
  "llm.apiKey": "apiKey",
  "llm.azureApiVersion": "azureApiVersion",
  "llm.timeoutMs": "timeoutMs",
  "llm.maxRetries": "maxRetries",
  "llm.concurrency": "concurrency",
  "llm.requestsPerMinute": "requestsPerMinute",
  "llm.tokensPerMinute": "tokensPerMinute",
  "llm.reasoningEffort": "reasoningEffort",
  "llm.cache": "cache",
  "llm.prices": "prices",
} as const satisfies Record<string, keyof LlmSettings>;

export class LlmSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LlmSettingsError";
  }
}

function decodeSetting(key: string, value: string): unknown {
  if (key === "llm.cache") return value === "true" || value === "1";
  if (key === "llm.prices") {
    try {
      return JSON.parse(value);
    } catch {
      throw new LlmSettingsError(`setting llm.prices is not JSON`);
    }
  }
  return value;
}

function fromEnv(env: Record<string, string | undefined>): Partial<Record<keyof LlmSettings, unknown>> {
  const pick = (name: string) => (env[name] && env[name]!.trim() !== "" ? env[name]!.trim() : undefined);
  return { apiKey: pick("OPENAI_API_KEY"), baseUrl: pick("OPENAI_BASE_URL"), model: pick("ALPHAFLOW_MODEL") };
}

function withoutUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ""));
}

/**
 * Resolves the settings: built-in defaults < environment < the Setting table (what the settings page saved) <
 * explicit overrides (a CLI flag, a test-connection form). The provider is inferred from the base URL when unset.
 */
export function resolveLlmSettings(layers: Record<string, unknown>[]): LlmSettings {
  const merged: Record<string, unknown> = Object.assign({}, ...layers.map(withoutUndefined));
  merged.provider ??= inferProvider(typeof merged.baseUrl === "string" ? merged.baseUrl : undefined);
  merged.model ??= DEFAULT_MODEL;
  const parsed = LlmSettings.safeParse(merged);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "settings"}: ${i.message}`);
    throw new LlmSettingsError(`invalid LLM settings: ${issues.join("; ")}`);
  }
  const settings = parsed.data;
  const preset = PROVIDER_PRESETS[settings.provider];
  if (!settings.baseUrl && !preset.baseUrl) {
    throw new LlmSettingsError(`provider ${preset.label} needs a base URL (OPENAI_BASE_URL or llm.baseUrl)`);
  }
  return settings;
}

export async function loadLlmSettings(
  db: Db,
  options: { env?: Record<string, string | undefined>; overrides?: Partial<LlmSettingsInput> } = {},
): Promise<LlmSettings> {
  const rows = await db.setting.findMany({ where: { key: { startsWith: "llm." } } });
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    const field = SETTING_KEYS[row.key as keyof typeof SETTING_KEYS];
    if (field) stored[field] = decodeSetting(row.key, row.value);
  }
  return resolveLlmSettings([fromEnv(options.env ?? process.env), stored, options.overrides ?? {}]);
}

export function baseUrlOf(settings: LlmSettings): string {
  return settings.baseUrl ?? PROVIDER_PRESETS[settings.provider].baseUrl!;
}

/** What may leave the server: everything but the key. */
export function publicLlmSettings(settings: LlmSettings) {
  const { apiKey, ...rest } = settings;
  return { ...rest, baseUrl: baseUrlOf(settings), apiKeySet: apiKey !== undefined };
}
