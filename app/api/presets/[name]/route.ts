import { db } from "@/lib/db/client";
import { isBuiltinName, presetNameSchema } from "../preset-store";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function DELETE(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const parsed = presetNameSchema.safeParse((await params).name);
  if (!parsed.success) return Response.json({ error: "no such preset" }, { status: 404 });
  if (isBuiltinName(parsed.data)) return Response.json({ error: "built-in presets cannot be deleted" }, { status: 409 });
  const { count } = await db().configPreset.deleteMany({ where: { name: parsed.data } });
  if (count === 0) return Response.json({ error: `no saved preset named "${parsed.data}"` }, { status: 404 });
  return new Response(null, { status: 204 });
}
