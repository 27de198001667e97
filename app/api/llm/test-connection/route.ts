import { jsonBodyError, readJsonBody } from "@/lib/http/json-body";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { LlmSettingsError, loadLlmSettings, ProviderId, testConnection } from "@/lib/llm";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Unsaved values from the settings form, tried before they are stored. */
const Overrides = z
  .object({
    provider: ProviderId.optional(),
    baseUrl: z.url().optional(),
    model: z.string().min(1).optional(),
    apiKey: z.string().min(1).optional(),
  })
  .strict();

export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request, { allowEmpty: true });
  if (!read.ok) return jsonBodyError(read);
  const overrides = Overrides.safeParse(read.value);
  if (!overrides.success) {
    const issues = overrides.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`);
    return Response.json({ error: issues.join("; ") }, { status: 400 });
  }
  try {
    const settings = await loadLlmSettings(db(), { overrides: overrides.data });
    return Response.json(await testConnection(settings));
  } catch (error) {
    if (error instanceof LlmSettingsError) return Response.json({ error: error.message }, { status: 400 });
    throw error;
  }
}
