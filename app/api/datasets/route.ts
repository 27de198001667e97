import { db } from "@/lib/db/client";
import { listReply, startReply } from "@/lib/datasets/api";
import { defaultJobExecutor } from "@/lib/datasets/default-executor";
import { readJsonBody } from "@/lib/datasets/read-json-body";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const reply = await listReply(db());
  return Response.json(reply.body, { status: reply.status });
}

/** Starts a dataset run in this server process; it keeps running whether or not anyone watches. */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request);
  const reply = body.ok ? await startReply(db(), body.value, defaultJobExecutor(db())) : body.reply;
  return Response.json(reply.body, { status: reply.status });
}
