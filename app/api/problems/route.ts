import { db } from "@/lib/db/client";
import { createProblemReply, listProblemsReply, readJsonBody } from "@/lib/problems/api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const reply = await listProblemsReply(db(), new URL(request.url).searchParams);
  return Response.json(reply.body, { status: reply.status });
}

export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request);
  const reply = body.ok ? await createProblemReply(db(), body.value) : body.reply;
  return Response.json(reply.body, { status: reply.status });
}
