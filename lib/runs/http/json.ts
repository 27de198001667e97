import { readJsonBody as readJson } from "@/lib/http/json-body";
import { RunConflictError, RunInputError, RunNotFoundError } from "../errors";

export function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** The run layer's errors as clear JSON answers; anything else is a bug and is rethrown for Next to log. */
export function errorResponse(error: unknown): Response {
  if (error instanceof RunNotFoundError) return json(404, { error: error.message });
  if (error instanceof RunConflictError) return json(409, { error: error.message });
  if (error instanceof RunInputError) return json(400, { error: error.message });
  throw error;
}

export async function readJsonBody(request: Request): Promise<unknown> {
  const body = await readJson(request, { allowEmpty: true });
  if (!body.ok) throw new RunInputError(body.error);
  return body.value;
}
