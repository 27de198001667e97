import { db } from "@/lib/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET() {
  const problems = await db().problem.count();
  return Response.json({ ok: true, problems });
}
