import { z } from "zod";
import { providerOf, urlOf, type Db } from "@/lib/db/client";
import { dispatchDatasetRun } from "./distributed/dispatch";
import { ConfigError } from "@/lib/flow/config";
import { LlmSettingsError } from "@/lib/llm/settings";
import { startInBackground, isActive, stopInBackground } from "./background";
import { createDatasetRun } from "./create-dataset-run";
import { DatasetRequestError, DatasetRunBusyError, DatasetRunNotFoundError } from "./errors";
import type { JobExecutor } from "./job-executor";
import { datasetRunSummary, listDatasetRuns } from "./list";
import { DbJobQueue } from "./queue/db-queue";
import { resolveRunSettings } from "./run-settings";
import { datasetModeSchema, datasetRunRequestSchema } from "./schema";

/** What the route handlers answer: a status and a JSON body, so the handlers stay one line over this module. */
export type Reply = { status: number; body: unknown };

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** POST /api/datasets: the form's fields; `config` is optional YAML over config/default.yaml. */
const startBodySchema = z.object({
  split: z.string(),
  mode: datasetModeSchema.default("flow"),
  k: z.preprocess(blankToUndefined, z.coerce.number().optional()),
  concurrency: z.preprocess(blankToUndefined, z.coerce.number().optional()),
  limit: z.preprocess(blankToUndefined, z.coerce.number().optional()),
  budgetUsd: z.preprocess(blankToUndefined, z.coerce.number().optional()),
  problems: z.preprocess(blankToUndefined, z.union([z.string(), z.array(z.string())]).optional()),
  stopOnSolve: z.boolean().default(true),
  includeUnscorable: z.boolean().default(false),
  name: z.preprocess(blankToUndefined, z.string().optional()),
  config: z.preprocess(blankToUndefined, z.string().max(100_000).optional()),
  model: z.preprocess(blankToUndefined, z.string().optional()),
});

const resumeBodySchema = z.object({
  retryFailed: z.boolean().default(false),
  budgetUsd: z.preprocess(blankToUndefined, z.coerce.number().positive("budget must be positive").optional()),
  concurrency: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(64).optional()),
});

function invalid(error: z.ZodError): Reply {
  const issue = error.issues[0];
  return { status: 400, body: { error: `${issue.path.join(".") || "body"}: ${issue.message}` } };
}

function failure(error: unknown): Reply {
  if (error instanceof DatasetRunNotFoundError) return { status: 404, body: { error: error.message } };
  if (error instanceof DatasetRunBusyError) return { status: 409, body: { error: error.message } };
  if (error instanceof DatasetRequestError) return { status: 400, body: { error: error.message } };
  if (error instanceof ConfigError || error instanceof LlmSettingsError) return { status: 400, body: { error: error.message } };
  throw error;
}

export async function listReply(db: Db): Promise<Reply> {
  return { status: 200, body: { datasetRuns: await listDatasetRuns(db) } };
}

export async function startReply(db: Db, body: unknown, execute: JobExecutor): Promise<Reply> {
  const parsedBody = startBodySchema.safeParse(body);
  if (!parsedBody.success) return invalid(parsedBody.error);
  const { config, ...fields } = parsedBody.data;
  const request = datasetRunRequestSchema.safeParse({ ...fields, configLabel: config ? "custom (from the form)" : "default" });
  if (!request.success) return invalid(request.error);
  try {
    const settings = await resolveRunSettings(db, { mode: request.data.mode, configOverrides: config, model: request.data.model });
    const created = await createDatasetRun(db, { ...request.data, config: settings.config }, settings);
    await startExecution(db, created.datasetRunId, execute);
    return { status: 201, body: created };
  } catch (error) {
    return failure(error);
  }
}

export async function resumeReply(db: Db, id: string, body: unknown, execute: JobExecutor): Promise<Reply> {
  const parsed = resumeBodySchema.safeParse(body ?? {});
  if (!parsed.success) return invalid(parsed.error);
  try {
    const found = await db.datasetRun.findUnique({ where: { id } });
    if (!found) throw new DatasetRunNotFoundError(id);
    if (isActive(id) || (providerOf(db) === "postgresql" && found.status === "running")) throw new DatasetRunBusyError(id);
    const { retryFailed, budgetUsd, concurrency } = parsed.data;
    await db.datasetRun.update({
      where: { id },
      data: { ...(budgetUsd !== undefined && { budgetUsd }), ...(concurrency !== undefined && { concurrency }) },
    });
    const requeued = retryFailed ? await new DbJobQueue(db).retryFailed(id) : 0;
    await startExecution(db, id, execute);
    return { status: 202, body: { datasetRunId: id, requeued } };
  } catch (error) {
    return failure(error);
  }
}

/**
 * SQLite: this server runs the samples itself. Postgres: the samples go to the cluster's workers
 * (`alphaflow worker`), wherever they run; the server only dispatches.
 */
async function startExecution(db: Db, datasetRunId: string, execute: JobExecutor): Promise<void> {
  if (providerOf(db) === "sqlite") return startInBackground(db, datasetRunId, execute);
  const url = urlOf(db);
  if (!url) throw new Error("the Postgres client has no URL to reach the job queue with");
  await dispatchDatasetRun(db, url, datasetRunId);
}

export async function stopReply(db: Db, id: string): Promise<Reply> {
  if (providerOf(db) === "postgresql") {
    // Workers check their dataset run at every heartbeat: running samples go back to the queue within seconds.
    const { count } = await db.datasetRun.updateMany({ where: { id, status: { in: ["running", "queued"] } }, data: { status: "stopped" } });
    return count === 1
      ? { status: 200, body: { datasetRunId: id, stopped: true } }
      : { status: 409, body: { error: `dataset run ${id} is not running` } };
  }
  const stopped = await stopInBackground(id);
  return stopped
    ? { status: 200, body: { datasetRunId: id, stopped: true } }
    : { status: 409, body: { error: `dataset run ${id} is not running in this server` } };
}

export async function summaryReply(db: Db, id: string): Promise<Reply> {
  const exists = await db.datasetRun.findUnique({ where: { id }, select: { id: true } });
  if (!exists) return { status: 404, body: { error: new DatasetRunNotFoundError(id).message } };
  return { status: 200, body: await datasetRunSummary(db, id) };
}
