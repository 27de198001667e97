import type { Reply } from "./api";

export type BodyResult = { ok: true; value: unknown } | { ok: false; reply: Reply };

/** Parses a JSON request body, answering a clear 400 instead of throwing on malformed input. */
export async function readJsonBody(request: Request, options: { allowEmpty?: boolean } = {}): Promise<BodyResult> {
  const text = await request.text();
  if (text.trim() === "") {
    return options.allowEmpty ? { ok: true, value: {} } : { ok: false, reply: { status: 400, body: { error: "a JSON body is required" } } };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reply: { status: 400, body: { error: "the body is not valid JSON" } } };
  }
}
