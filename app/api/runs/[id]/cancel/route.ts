import { db } from "@/lib/db/client";
import { cancelRunReply } from "@/lib/runs/http/run-replies";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return cancelRunReply(db(), id);
}
