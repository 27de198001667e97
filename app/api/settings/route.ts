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
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: "the body must be JSON" }, { status: 400 });
  }
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
