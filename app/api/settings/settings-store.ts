import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { ProviderId, PROVIDER_PRESETS } from "@/lib/llm/providers";
import { loadLlmSettings, publicLlmSettings, type LlmSettingsInput } from "@/lib/llm/settings";

/**
 * What the settings page may change. The API key is write-only: a new value replaces the stored one, `clearApiKey`
 * removes it, and leaving it out keeps it. An empty base URL or model falls back to the environment and presets.
 */
export const settingsUpdateSchema = z.strictObject({
  provider: ProviderId,
  baseUrl: z.union([z.url({ protocol: /^https?$/, error: "the base URL must be an http(s) URL" }), z.literal("")]),
  model: z.string().trim().max(200),
  apiKey: z.string().trim().min(1).max(500).optional(),
  clearApiKey: z.boolean().default(false),
});
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

/** The settings as the browser may see them: the key only as set / not set, plus the provider presets. */
export async function readPublicSettings(db: Db) {
  const stored = await db.setting.findMany({ where: { key: { in: ["llm.provider", "llm.baseUrl", "llm.model"] } } });
  const storedValues = Object.fromEntries(stored.map((row) => [row.key, row.value]));
  const presets = Object.values(PROVIDER_PRESETS);
  try {
    return { effective: publicLlmSettings(await loadLlmSettings(db)), stored: storedValues, presets, error: null };
  } catch (error) {
    return { effective: null, stored: storedValues, presets, error: (error as Error).message };
  }
}

/** Checks the combination first (a provider without a default URL needs one), then writes the Setting rows. */
export async function writeSettings(db: Db, update: SettingsUpdate): Promise<void> {
  const overrides: Partial<LlmSettingsInput> = { provider: update.provider };
  if (update.baseUrl !== "") overrides.baseUrl = update.baseUrl;
  if (update.model !== "") overrides.model = update.model;
  if (update.apiKey) overrides.apiKey = update.apiKey;
  await loadLlmSettings(db, { overrides });

  const rows: [string, string][] = [
    ["llm.provider", update.provider],
    ["llm.baseUrl", update.baseUrl],
    ["llm.model", update.model],
  ];
  await db.$transaction(async (tx) => {
    for (const [key, value] of rows) {
      if (value === "") await tx.setting.deleteMany({ where: { key } });
      else await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    }
    if (update.apiKey) {
      await tx.setting.upsert({ where: { key: "llm.apiKey" }, create: { key: "llm.apiKey", value: update.apiKey }, update: { value: update.apiKey } });
    } else if (update.clearApiKey) {
      await tx.setting.deleteMany({ where: { key: "llm.apiKey" } });
    }
  });
}
