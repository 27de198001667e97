import { db } from "@/lib/db/client";
import { getRunReply } from "@/lib/runs/http/run-replies";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return getRunReply(db(), id);
}
