import { jsonBodyError, readJsonBody } from "@/lib/http/json-body";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { LlmSettingsError } from "@/lib/llm/settings";
import { readPublicSettings, settingsUpdateSchema, writeSettings } from "./settings-store";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json(await readPublicSettings(db()));
}

export async function PUT(request: Request) {
  const read = await readJsonBody(request);
  if (!read.ok) return jsonBodyError(read);
  const body = read.value;
  const parsed = settingsUpdateSchema.safeParse(body);
  if (!parsed.success) return Response.json({ error: z.prettifyError(parsed.error) }, { status: 400 });
  try {
    await writeSettings(db(), parsed.data);
  } catch (error) {
    if (error instanceof LlmSettingsError) return Response.json({ error: error.message }, { status: 400 });
    throw error;
  }
  return Response.json(await readPublicSettings(db()));
}
