/** What reading a JSON request body gave: the value, or the status and reason to answer with. */
export type JsonBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413; error: string };

export interface JsonBodyOptions {
  /** An empty body reads as `{}` (routes whose every field is optional). */
  allowEmpty?: boolean;
  /** Larger bodies are refused with 413, by their declared length first so they are not read at all. */
  maxBytes?: number;
}

/** Reads a JSON request body. Bad input is an answer, never a throw, so no route crashes on it. */
export async function readJsonBody(request: Request, options: JsonBodyOptions = {}): Promise<JsonBody> {
  const { allowEmpty = false, maxBytes } = options;
  const tooLarge = { ok: false, status: 413, error: `the request body is larger than ${maxBytes} bytes` } as const;
  if (maxBytes !== undefined && Number(request.headers.get("content-length")) > maxBytes) return tooLarge;
  const text = await request.text();
  if (maxBytes !== undefined && Buffer.byteLength(text) > maxBytes) return tooLarge;
  if (text.trim() === "") {
    return allowEmpty ? { ok: true, value: {} } : { ok: false, status: 400, error: "a JSON body is required" };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, status: 400, error: `the request body is not valid JSON (${(error as Error).message})` };
  }
}

export function jsonBodyError(body: Extract<JsonBody, { ok: false }>): Response {
  return Response.json({ error: body.error }, { status: body.status });
}
