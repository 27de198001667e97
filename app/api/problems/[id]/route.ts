import { db } from "@/lib/db/client";
import { getProblemReply } from "@/lib/problems/api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const reply = await getProblemReply(db(), id, new URL(request.url).searchParams);
  return Response.json(reply.body, { status: reply.status });
}
