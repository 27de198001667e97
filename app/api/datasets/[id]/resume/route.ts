import { db } from "@/lib/db/client";
import { resumeReply } from "@/lib/datasets/api";
import { defaultJobExecutor } from "@/lib/datasets/default-executor";
import { readJsonBody } from "@/lib/datasets/read-json-body";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const body = await readJsonBody(request, { allowEmpty: true });
  const reply = body.ok ? await resumeReply(db(), (await params).id, body.value, defaultJobExecutor(db())) : body.reply;
  return Response.json(reply.body, { status: reply.status });
}
