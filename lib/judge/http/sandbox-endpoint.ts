import { z } from "zod";
import { judge, JudgeInputError } from "../judge";
import { SandboxUnavailableError } from "../sandbox/mode";
import { JudgeRequestSchema, TestCaseSchema } from "../schema";
import { sandboxAccess } from "./access";
import { BodyTooLargeError, readLimitedBody } from "./read-body";
import type { Env } from "../env";

export const MAX_SANDBOX_TESTS = 500;

/** POST /api/sandbox body: the judge request, with a test count a single HTTP call may ask for. */
export const SandboxRequestSchema = JudgeRequestSchema.extend({
  tests: z.array(TestCaseSchema).min(1, "give at least one test").max(MAX_SANDBOX_TESTS),
});

export function maxBodyBytes(env: Env = process.env): number {
  const mb = Number(env.ALPHAFLOW_SANDBOX_MAX_BODY_MB ?? 8);
  return Math.round((Number.isFinite(mb) && mb > 0 ? mb : 8) * 1024 * 1024);
}

function problem(status: number, error: string): Response {
  return Response.json({ error }, { status });
}

export async function handleSandboxRequest(request: Request, env: Env = process.env): Promise<Response> {
  const access = sandboxAccess(request.headers, env);
  if (!access.ok) return problem(access.status, access.message);

  let text: string;
  try {
    text = await readLimitedBody(request, maxBodyBytes(env));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return problem(413, `request body too large: ${error.message}`);
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return problem(400, "the body is not JSON");
  }
  const parsed = SandboxRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return problem(400, `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  try {
    return Response.json(await judge(parsed.data, { signal: request.signal }));
  } catch (error) {
    if (error instanceof JudgeInputError) return problem(400, error.message);
    if (error instanceof SandboxUnavailableError) return problem(503, error.message);
    if (request.signal.aborted) return problem(499, "the client went away");
    throw error;
  }
}
