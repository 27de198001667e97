import { db } from "@/lib/db/client";
import { runEventStream } from "@/lib/runs/http/event-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return runEventStream(db(), id, request);
}
