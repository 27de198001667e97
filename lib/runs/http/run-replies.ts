import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { RunInputError } from "../errors";
import { languageSchema, runModeSchema } from "../events";
import { cancelRun, resumeRun, startRun, type ExecuteRun } from "../executor";
import { createRun, getRunDetail, listRuns } from "../service";
import { errorResponse, json, readJsonBody } from "./json";

export async function getRunReply(db: Db, id: string): Promise<Response> {
  try {
    return json(200, await getRunDetail(db, id));
  } catch (error) {
    return errorResponse(error);
  }
}

export async function listRunsReply(db: Db, request: Request): Promise<Response> {
  try {
    return json(200, await listRuns(db, Object.fromEntries(new URL(request.url).searchParams)));
  } catch (error) {
    return errorResponse(error);
  }
}

export async function cancelRunReply(db: Db, id: string): Promise<Response> {
  try {
    const outcome = await cancelRun(db, id);
    return json(202, { runId: id, outcome });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function resumeRunReply(db: Db, id: string, execute: ExecuteRun): Promise<Response> {
  try {
    await resumeRun(db, id, execute);
    return json(202, { runId: id });
  } catch (error) {
    return errorResponse(error);
  }
}

/** The body of POST /api/runs. The model and provider default to the server's LLM settings. */
export const createRunBodySchema = z
  .object({
    problemId: z.string().trim().min(1).optional(),
    problem: z.unknown().optional(),
    config: z.record(z.string(), z.unknown()).optional(),
    model: z.string().trim().min(1).optional(),
    provider: z.string().trim().min(1).optional(),
    language: languageSchema.optional(),
    mode: runModeSchema.optional(),
    parentRunId: z.string().min(1).optional(),
    forkFromStage: z.string().min(1).optional(),
    forkInput: z.unknown().optional(),
  })
  .strict();

export type CreateRunWiring = {
  execute: ExecuteRun;
  /** The server's model and provider, used when the body names none. */
  defaults: () => Promise<{ model: string; provider: string }>;
  /** Rejects a config the flow could not run (throwing with a readable message), before anything is stored. */
  validateConfig: (config: Record<string, unknown>) => void;
};

/** POST /api/runs: validate, store a queued run, start it in the background, answer 201 {runId} at once. */
export async function createRunReply(db: Db, request: Request, wiring: CreateRunWiring): Promise<Response> {
  try {
    const parsed = createRunBodySchema.safeParse(await readJsonBody(request));
    if (!parsed.success) throw new RunInputError(z.prettifyError(parsed.error));
    const body = parsed.data;
    const config = { ...body.config, ...(body.mode && { mode: body.mode }), ...(body.language && { language: body.language }) };
    try {
      wiring.validateConfig(config);
    } catch (error) {
      throw new RunInputError(`config: ${(error as Error).message}`);
    }
    const defaults = body.model && body.provider ? { model: body.model, provider: body.provider } : await wiring.defaults();
    const { runId } = await createRun(db, {
      ...body,
      config,
      model: body.model ?? defaults.model,
      provider: body.provider ?? defaults.provider,
    });
    await startRun(db, runId, wiring.execute);
    return json(201, { runId });
  } catch (error) {
    return errorResponse(error);
  }
}
