import { jsonBodyError, readJsonBody } from "@/lib/http/json-body";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { isBuiltinName, listPresets, presetBodySchema } from "./preset-store";
import { validatePresetYaml } from "./preset-validation";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json({ presets: await listPresets(db()) });
}

/** Creates or replaces a saved preset; the YAML must validate against the flow's config schema. */
export async function POST(request: Request) {
  const read = await readJsonBody(request);
  if (!read.ok) return jsonBodyError(read);
  const body = read.value;
  const parsed = presetBodySchema.safeParse(body);
  if (!parsed.success) return Response.json({ error: z.prettifyError(parsed.error), issues: [] }, { status: 400 });
  const { name, yaml } = parsed.data;
  if (isBuiltinName(name)) {
    return Response.json({ error: `"${name}" is a built-in preset: save your changes under another name`, issues: [] }, { status: 409 });
  }
  const validation = validatePresetYaml(yaml, name);
  if (!validation.ok) return Response.json({ error: "the preset is not a valid flow configuration", issues: validation.issues }, { status: 400 });
  const row = await db().configPreset.upsert({ where: { name }, create: { name, yaml }, update: { yaml } });
  return Response.json({ preset: { name: row.name, source: "saved", yaml: row.yaml, updatedAt: row.updatedAt.toISOString() }, config: validation.config });
}
