import { extractDraftReply, readJsonBody } from "@/lib/problems/api";

export const runtime = "nodejs";

export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request);
  const reply = body.ok ? extractDraftReply(body.value) : body.reply;
  return Response.json(reply.body, { status: reply.status });
}
