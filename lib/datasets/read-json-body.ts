import { readJsonBody as readJson } from "@/lib/http/json-body";
import type { Reply } from "./api";

export type BodyResult = { ok: true; value: unknown } | { ok: false; reply: Reply };

/** A JSON request body, or the dataset API's reply to a missing or malformed one. */
export async function readJsonBody(request: Request, options: { allowEmpty?: boolean } = {}): Promise<BodyResult> {
  const body = await readJson(request, options);
  return body.ok ? body : { ok: false, reply: { status: body.status, body: { error: body.error } } };
}
