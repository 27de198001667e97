import { jsonBodyError, readJsonBody } from "@/lib/http/json-body";
import { z } from "zod";
import { validatePresetYaml } from "../preset-validation";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const bodySchema = z.strictObject({ yaml: z.string().max(100_000), name: z.string().max(60).default("preset") });

/** Validates YAML as the editor types, without saving: the issues carry line numbers for inline markers. */
export async function POST(request: Request) {
  const read = await readJsonBody(request);
  if (!read.ok) return jsonBodyError(read);
  const body = read.value;
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) return Response.json({ error: z.prettifyError(parsed.error) }, { status: 400 });
  const validation = validatePresetYaml(parsed.data.yaml, parsed.data.name);
  return Response.json(validation.ok ? { ok: true, config: validation.config, issues: [] } : validation);
}
