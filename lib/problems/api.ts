import { readJsonBody as readJson } from "@/lib/http/json-body";
import type { Db } from "@/lib/db/client";
import { problemFromRow } from "./codecontests-row";
import { extractProblemDraft, statementSchema } from "./extract-examples";
import { describeZodError } from "./import-error";
import { createProblem, getProblem, ProblemConflictError, ProblemValidationError } from "./repository";
import { problemQuerySchema, searchProblems } from "./search";

/** What a route handler sends: status and JSON body. Kept free of Next.js so it is tested directly. */
export interface ApiReply {
  status: number;
  body: unknown;
}

export const MAX_BODY_BYTES = 20 * 1024 * 1024;

const HIDDEN_FIELDS = new Set(["privateTests", "generatedTests", "solutions"]);

const fail = (status: number, error: string): ApiReply => ({ status, body: { error } });

export async function listProblemsReply(db: Db, params: URLSearchParams): Promise<ApiReply> {
  const parsed = problemQuerySchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) return fail(400, describeZodError(parsed.error));
  return { status: 200, body: await searchProblems(db, parsed.data) };
}

/**
 * Private and generated tests and reference solutions stay out of the reply unless `?hidden=1`: whatever reads
 * this API may feed a model, and hidden tests must only ever score the final code.
 */
export async function getProblemReply(db: Db, id: string, params: URLSearchParams): Promise<ApiReply> {
  const hidden = params.get("hidden") === "1" || params.get("hidden") === "true";
  const problem = await getProblem(db, id, { hidden });
  if (!problem) return fail(404, `no problem with id or name "${id}"`);
  if (hidden) return { status: 200, body: problem };
  return { status: 200, body: Object.fromEntries(Object.entries(problem).filter(([key]) => !HIDDEN_FIELDS.has(key))) };
}

/**
 * Saves a pasted problem: our camelCase shape, a CodeContests/AlphaCodium problem object, or `{statement, name?}`
 * whose examples become the public tests.
 */
export async function createProblemReply(db: Db, body: unknown): Promise<ApiReply> {
  let candidate: unknown;
  try {
    candidate = isStatementBody(body) ? fromStatement(body) : problemFromRow(body, {});
  } catch (error) {
    return fail(400, (error as Error).message);
  }
  try {
    const saved = await createProblem(db, candidate);
    return { status: saved.status === "unchanged" ? 200 : 201, body: saved };
  } catch (error) {
    if (error instanceof ProblemConflictError) return { status: 409, body: { error: error.message, existingId: error.existingId } };
    if (error instanceof ProblemValidationError) return fail(400, error.message);
    throw error;
  }
}

export function extractDraftReply(body: unknown): ApiReply {
  const parsed = statementSchema.safeParse(body);
  if (!parsed.success) return fail(400, describeZodError(parsed.error));
  return { status: 200, body: extractProblemDraft(parsed.data.statement) };
}

function isStatementBody(body: unknown): body is { statement: unknown; name?: unknown } {
  return typeof body === "object" && body !== null && "statement" in body && !("description" in body);
}

function fromStatement(body: { statement: unknown; name?: unknown }) {
  const parsed = statementSchema.safeParse(body);
  if (!parsed.success) throw new Error(describeZodError(parsed.error));
  const draft = extractProblemDraft(parsed.data.statement);
  const name = typeof body.name === "string" && body.name.trim() !== "" ? body.name : draft.name;
  if (!name) throw new Error("name: the statement has no recognisable title; send a name");
  return { ...draft, name };
}

/** Reads a JSON request body with a size cap; a reply when it is too large or not JSON. */
export async function readJsonBody(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; reply: ApiReply }> {
  const body = await readJson(request, { maxBytes: MAX_BODY_BYTES });
  return body.ok ? body : { ok: false, reply: fail(body.status, body.error) };
}
