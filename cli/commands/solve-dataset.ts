import cliProgress from "cli-progress";
import { z } from "zod";
import { db, providerOf, type Db } from "@/lib/db/client";
import { resolveDatabaseUrl } from "@/lib/db/url";
import { dispatchDatasetRun } from "@/lib/datasets/distributed/dispatch";
import { runOnCluster } from "@/lib/datasets/distributed/run-on-cluster";
import { migrateDatabase } from "@/lib/db/migrate";
import { createDatasetRun } from "@/lib/datasets/create-dataset-run";
import { DatasetRequestError, DatasetRunNotFoundError } from "@/lib/datasets/errors";
import { evaluateDataset } from "@/lib/datasets/evaluate";
import { defaultJobExecutor } from "@/lib/datasets/default-executor";
import { formatProgressLine, formatDuration } from "@/lib/datasets/format-progress";
import { DbJobQueue } from "@/lib/datasets/queue/db-queue";
import { resolveRunSettings } from "@/lib/datasets/run-settings";
import { runDatasetRun, type RunnerResult } from "@/lib/datasets/runner";
import { datasetModeSchema, datasetRunRequestSchema, type DatasetProgress } from "@/lib/datasets/schema";
import { ConfigError } from "@/lib/flow/config";
import { LlmSettingsError } from "@/lib/llm/settings";
import { CliError, log, printJson } from "../output";
import type { RegisterCommand } from "./index";

const optionsSchema = z.object({
  split: z.string().optional(),
  k: z.string().optional(),
  concurrency: z.coerce.number().int().min(1, "--concurrency must be at least 1").max(64).optional(),
  limit: z.string().optional(),
  problems: z.string().optional(),
  config: z.string().optional(),
  budget: z.coerce.number().positive("--budget must be a positive number of USD").optional(),
  mode: datasetModeSchema.optional(),
  model: z.string().optional(),
  stopOnSolve: z.boolean().default(true),
  includeUnscorable: z.boolean().optional(),
  name: z.string().optional(),
  resume: z.string().min(1).optional(),
  retryFailed: z.boolean().optional(),
  leaseSeconds: z.coerce.number().positive("--lease-seconds must be positive").default(30),
  detach: z.boolean().optional(),
  json: z.boolean().optional(),
});
type Options = z.infer<typeof optionsSchema>;

/** Options that define what a dataset run is; they cannot change once it exists. */
const FIXED_ON_RESUME = ["split", "k", "limit", "problems", "config", "mode", "model", "includeUnscorable", "name"] as const;

export const registerSolveDataset: RegisterCommand = (program) => {
  program
    .command("solve-dataset")
    .description("solve every problem of a split k times (pass@k), concurrently and resumably")
    .option("--split <split>", "the split to solve (valid, test, …)")
    .option("--k <n>", "samples per problem (default 1)")
    .option("--concurrency <n>", "samples run at once (default 2)")
    .option("--limit <n>", "only the first n scorable problems of the split")
    .option("--problems <names>", "only these problems (comma-separated names or ids)")
    .option("--config <file>", "flow configuration YAML (over config/default.yaml)")
    .option("--budget <usd>", "stop cleanly once the dataset run's LLM spend reaches this many USD")
    .option("--mode <mode>", "flow (default) or baseline (one direct prompt)")
    .option("--model <model>", "model name (default: the LLM settings)")
    .option("--no-stop-on-solve", "run every sample even after one solved the problem (the unbiased estimator)")
    .option("--include-unscorable", "also run problems without private or generated tests")
    .option("--name <name>", "a name for the dataset run")
    .option("--resume <id>", "continue a dataset run: finished samples stay, interrupted ones resume")
    .option("--retry-failed", "with --resume: run the failed samples again")
    .option("--lease-seconds <s>", "a running sample whose worker stopped heartbeating this long is taken back", "30")
    .option("--detach", "Postgres only: hand the samples to the cluster's workers and return at once")
    .option("--json", "print the result as JSON on stdout")
    .action(async (raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new CliError(`--${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message}`);
      migrateDatabase();
      await solveDataset(db(), parsed.data);
    });
};

async function solveDataset(database: Db, options: Options): Promise<void> {
  if (options.detach && providerOf(database) !== "postgresql") {
    throw new CliError("--detach needs a shared Postgres (DATABASE_URL=postgresql://…) and workers to run the samples");
  }
  const datasetRunId = options.resume ? await prepareResume(database, options) : await create(database, options);
  if (options.detach) {
    const { dispatched } = await dispatchDatasetRun(database, resolveDatabaseUrl(), datasetRunId, { retryFailed: false });
    if (options.json) printJson({ datasetRunId, dispatched });
    else log(`dataset run ${datasetRunId}: ${dispatched} samples handed to the workers (npx alphaflow worker); follow it on /datasets`);
    return;
  }
  const controller = new AbortController();
  const interrupt = () => {
    if (controller.signal.aborted) process.exit(130);
    log("stopping: running samples go back to the queue (Ctrl-C again to quit at once)");
    controller.abort();
  };
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", interrupt);
  const display = progressDisplay(!options.json && process.stderr.isTTY === true);
  try {
    const result = await execute(database, datasetRunId, options, controller.signal, display.update);
    display.stop();
    const report = await evaluateDataset(database, datasetRunId);
    if (options.json) {
      printJson({
        datasetRunId,
        status: result.status,
        progress: result.progress,
        context: report.context,
        estimator: report.estimator,
        passAtK: report.passAtK,
        solvedProblems: report.solvedProblems,
        problems: report.problems,
        totals: report.totals,
      });
    } else {
      log(`dataset run ${datasetRunId}: ${result.status} · ${formatProgressLine(result.progress)}`);
      log(report.passAtK.map((p) => `pass@${p.k} ${(p.value * 100).toFixed(1)}%`).join(" · "));
      log(`full report: npx alphaflow evaluate ${datasetRunId}`);
    }
    if (result.status === "stopped" || result.detached) process.exitCode = 130;
    if (result.detached) log(`this process stopped; the other workers go on with ${datasetRunId} (or: --resume ${datasetRunId})`);
    if (result.status === "budget_exhausted") {
      log(`budget spent: resume with --resume ${datasetRunId} --budget <more>`);
      process.exitCode = 3;
    }
  } finally {
    display.stop();
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
  }
}

/**
 * SQLite: this process runs the samples. Postgres: the samples are dispatched to the cluster's workers and this
 * process works as one of them until the dataset run is over.
 */
async function execute(
  database: Db,
  datasetRunId: string,
  options: Options,
  signal: AbortSignal,
  onProgress: (progress: DatasetProgress) => void,
): Promise<RunnerResult & { detached?: boolean }> {
  const leaseMs = options.leaseSeconds * 1000;
  if (providerOf(database) === "sqlite") {
    return runDatasetRun(database, datasetRunId, { execute: defaultJobExecutor(database), leaseMs, signal, onProgress });
  }
  const { concurrency } = await database.datasetRun.findUniqueOrThrow({ where: { id: datasetRunId }, select: { concurrency: true } });
  return runOnCluster(database, datasetRunId, {
    url: resolveDatabaseUrl(),
    execute: defaultJobExecutor(database),
    concurrency,
    leaseMs,
    signal,
    onProgress,
    log: () => undefined,
  });
}

async function create(database: Db, options: Options): Promise<string> {
  if (options.retryFailed) throw new CliError("--retry-failed needs --resume <id>");
  if (!options.split) throw new CliError("--split is required (or --resume <id>)");
  const request = datasetRunRequestSchema.safeParse({
    split: options.split,
    mode: options.mode,
    k: options.k,
    concurrency: options.concurrency,
    limit: options.limit,
    problems: options.problems,
    budgetUsd: options.budget,
    stopOnSolve: options.stopOnSolve,
    includeUnscorable: options.includeUnscorable ?? false,
    name: options.name,
    configLabel: options.config ?? "default",
    model: options.model,
  });
  if (!request.success) throw new CliError(request.error.issues[0].message);
  try {
    const settings = await resolveRunSettings(database, { mode: request.data.mode, configFile: options.config, model: options.model });
    const created = await createDatasetRun(database, { ...request.data, config: settings.config }, settings);
    log(`dataset run ${created.datasetRunId}: ${created.problems} problems × k=${request.data.k} = ${created.jobs} samples, model ${settings.model}`);
    return created.datasetRunId;
  } catch (error) {
    if (error instanceof DatasetRequestError || error instanceof ConfigError || error instanceof LlmSettingsError) throw new CliError(error.message);
    throw error;
  }
}

async function prepareResume(database: Db, options: Options): Promise<string> {
  const id = options.resume!;
  const fixed = FIXED_ON_RESUME.filter((key) => options[key] !== undefined);
  if (fixed.length > 0) throw new CliError(`--${fixed[0]} cannot change on --resume (it defines the dataset run)`);
  const datasetRun = await database.datasetRun.findUnique({ where: { id } });
  if (!datasetRun) throw new CliError(new DatasetRunNotFoundError(id).message);
  await database.datasetRun.update({
    where: { id },
    data: {
      ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
      ...(options.budget !== undefined && { budgetUsd: options.budget }),
    },
  });
  if (options.retryFailed) log(`${await new DbJobQueue(database).retryFailed(id)} failed samples queued again`);
  return id;
}

/** A bar with ETA on a terminal; otherwise one line whenever a sample finishes. */
function progressDisplay(tty: boolean): { update: (p: DatasetProgress) => void; stop: () => void } {
  if (tty) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        hideCursor: true,
        format: " [{bar}] {value}/{total} samples · solved {solved}/{problems} · ${cost} · ETA {eta}",
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update: (p) => {
        const payload = { solved: p.solvedProblems, problems: p.problems, cost: p.costUsd.toFixed(4), eta: formatDuration(p.etaMs) };
        const finished = p.done + p.failed + p.skipped;
        if (!started) {
          bar.start(p.total, finished, payload);
          started = true;
        } else bar.update(finished, payload);
      },
      stop: () => {
        if (started) bar.stop();
        started = false;
      },
    };
  }
  let last = -1;
  return {
    update: (p) => {
      const finished = p.done + p.failed + p.skipped;
      if (finished === last) return;
      last = finished;
      log(formatProgressLine(p));
    },
    stop: () => undefined,
  };
}
