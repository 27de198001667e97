import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { projectRoot } from "@/lib/db/url";

export const presetNameSchema = z
  .string()
  .trim()
  .min(1, "a preset needs a name")
  .max(60)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "use lowercase letters, digits, - and _ (it is also the --config name)");

export const presetBodySchema = z.strictObject({
  name: presetNameSchema,
  yaml: z.string().max(100_000, "the YAML is longer than 100,000 characters"),
});

export type PresetSummary = { name: string; source: "builtin" | "saved"; yaml: string; updatedAt: string | null };

/** The presets shipped in config/ (default.yaml first), read-only from the page: edit a copy to change one. */
export function builtinPresets(): PresetSummary[] {
  const configDir = path.join(projectRoot(), "config");
  const presetDir = path.join(configDir, "presets");
  const files = fs.existsSync(presetDir) ? fs.readdirSync(presetDir).filter((file) => file.endsWith(".yaml")).sort() : [];
  const entries = [
    { name: "default", file: path.join(configDir, "default.yaml") },
    ...files.map((file) => ({ name: file.replace(/\.yaml$/, ""), file: path.join(presetDir, file) })),
  ];
  return entries
    .filter((entry) => fs.existsSync(entry.file))
    .map((entry) => ({ name: entry.name, source: "builtin", yaml: fs.readFileSync(entry.file, "utf8"), updatedAt: null }));
}

export async function savedPresets(db: Db): Promise<PresetSummary[]> {
  const rows = await db.configPreset.findMany({ orderBy: { name: "asc" } });
  return rows.map((row) => ({ name: row.name, source: "saved", yaml: row.yaml, updatedAt: row.updatedAt.toISOString() }));
}

export async function listPresets(db: Db): Promise<PresetSummary[]> {
  return [...builtinPresets(), ...(await savedPresets(db))];
}

export function isBuiltinName(name: string): boolean {
  return builtinPresets().some((preset) => preset.name === name);
}
