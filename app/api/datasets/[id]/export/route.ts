import { db } from "@/lib/db/client";
import { exportReply } from "@/lib/datasets/export/export-reply";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** ?format=json|csv|alphacodium, as a download. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return exportReply(db(), (await params).id, new URL(request.url).searchParams.get("format"));
}
