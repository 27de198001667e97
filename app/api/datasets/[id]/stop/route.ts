import { db } from "@/lib/db/client";
import { stopReply } from "@/lib/datasets/api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const reply = await stopReply(db(), (await params).id);
  return Response.json(reply.body, { status: reply.status });
}
