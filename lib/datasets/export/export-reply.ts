import type { Db } from "@/lib/db/client";
import { DatasetRunNotFoundError } from "../errors";
import { evaluateDataset } from "../evaluate";
import { exportFormatSchema, renderExport } from "./format";

/** The export download: a Response (not a Next.js type), so the route handler is a single call. */
export async function exportReply(db: Db, datasetRunId: string, format: string | null): Promise<Response> {
  const parsed = exportFormatSchema.safeParse(format ?? "json");
  if (!parsed.success) return Response.json({ error: "format must be json, csv or alphacodium" }, { status: 400 });
  try {
    const rendered = renderExport(await evaluateDataset(db, datasetRunId), parsed.data);
    return new Response(rendered.body, {
      headers: { "content-type": rendered.contentType, "content-disposition": `attachment; filename="${rendered.fileName}"` },
    });
  } catch (error) {
    if (error instanceof DatasetRunNotFoundError) return Response.json({ error: error.message }, { status: 404 });
    throw error;
  }
}
