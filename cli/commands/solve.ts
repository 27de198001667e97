import fs from "node:fs";
import { stringify } from "yaml";
import { z } from "zod";
import { db as processDb, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import type { Prisma } from "@/lib/db/generated/client";
import { ConfigError, loadFlowConfigFile, resolveFlowConfig, runFlowById } from "@/lib/flow";
import { describeEvent } from "@/lib/flow/event-lines";
import { languageSchema } from "@/lib/flow/schemas";
import { loadLlmSettings, LlmSettingsError } from "@/lib/llm/settings";
import { problemFromRow } from "@/lib/problems/codecontests-row";
import { createProblem, getProblem, ProblemConflictError, ProblemValidationError } from "@/lib/problems/repository";
import { subscribe } from "@/lib/runs/subscribe";
import { CliError, log, printJson } from "../output";
import type { RegisterCommand } from "./index";

const optionsSchema = z
  .object({
    problem: z.string().min(1).optional(),
    problemFile: z.string().min(1).optional(),
    config: z.string().min(1).optional(),
    model: z.string().min(1).optional(),
    language: languageSchema.optional(),
    json: z.boolean().optional(),
  })
  .refine((o) => (o.problem === undefined) !== (o.problemFile === undefined), {
    message: "give exactly one of --problem NAME or --problem-file FILE",
  });
type Options = z.infer<typeof optionsSchema>;

async function problemId(db: Db, options: Options): Promise<string> {
  if (options.problem) {
    const found = await getProblem(db, options.problem);
    if (!found) throw new CliError(`no problem named or with id "${options.problem}" (import it first, or use --problem-file)`);
    return found.id;
  }
  const file = options.problemFile!;
  if (!fs.existsSync(file)) throw new CliError(`problem file not found: ${file}`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new CliError(`problem file ${file} is not JSON: ${(error as Error).message}`);
  }
  let problem;
  try {
    problem = problemFromRow(raw);
  } catch (error) {
    throw new CliError(`problem file ${file}: ${(error as Error).message}`);
  }
  try {
    return (await createProblem(db, problem)).id;
  } catch (error) {
    if (error instanceof ProblemConflictError) return error.existingId;
    if (error instanceof ProblemValidationError) throw new CliError(`problem file ${file}: ${error.message}`);
    throw error;
  }
}

/** A live view on stderr: one line per stage, program and test batch; on a TTY a status line shows streaming. */
async function follow(db: Db, runId: string, signal: AbortSignal, tty: boolean): Promise<void> {
  let streamed = 0;
  let status = "";
  const ordinals = new Map<string, number>();
  const clear = () => tty && status && process.stderr.write("\r\x1b[2K");
  for await (const event of subscribe(db, runId, 0, signal)) {
    if (event.type === "token" || event.type === "reasoning") {
      streamed += event.text.length;
      if (tty) {
        clear();
        status = `… ${event.nodeKey}: ${streamed} characters streamed`;
        process.stderr.write(status);
      }
      continue;
    }
    if (event.type === "llm_call") streamed = 0;
    if (event.type === "code_version") ordinals.set(event.versionId, event.ordinal);
    const line = describeEvent(event, ordinals);
    if (line === null) continue;
    clear();
    status = "";
    log(line);
  }
}

async function solve(options: Options): Promise<void> {
  migrateDatabase();
  const db = processDb();
  const id = await problemId(db, options);
  let config;
  try {
    const base = options.config ? loadFlowConfigFile(options.config) : resolveFlowConfig();
    config = resolveFlowConfig({ ...base, ...(options.model && { model: options.model }), ...(options.language && { language: options.language }) });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
  let settings;
  try {
    settings = await loadLlmSettings(db, { overrides: options.model ? { model: options.model } : {} });
  } catch (error) {
    if (error instanceof LlmSettingsError) throw new CliError(error.message);
    throw error;
  }
  const run = await db.run.create({
    data: {
      problemId: id,
      mode: config.mode,
      language: config.language,
      provider: settings.provider,
      model: config.model ?? settings.model,
      config: config as unknown as Prisma.InputJsonValue,
    },
  });
  const controller = new AbortController();
  const onSignal = () => controller.abort(new Error("interrupted"));
  process.once("SIGINT", onSignal);
  const viewStop = new AbortController();
  const view = follow(db, run.id, viewStop.signal, process.stderr.isTTY === true).catch(() => {});
  try {
    await runFlowById(run.id, controller.signal);
  } finally {
    process.off("SIGINT", onSignal);
    await Promise.race([view, new Promise((resolve) => setTimeout(resolve, 2000))]);
    viewStop.abort();
  }
  const done = await db.run.findUniqueOrThrow({ where: { id: run.id } });
  const result = {
    runId: done.id,
    status: done.status,
    solved: done.solved,
    code: done.finalCode,
    language: done.language,
    llmCalls: done.llmCalls,
    tokens: { prompt: done.promptTokens, completion: done.completionTokens, reasoning: done.reasoningTokens },
    costUsd: done.costUsd,
    tests: {
      public: { passed: done.publicPassed, failed: done.publicFailed },
      ai: { passed: done.aiPassed, failed: done.aiFailed },
      private: { passed: done.hiddenPassed, failed: done.hiddenFailed },
    },
    error: done.error,
  };
  if (options.json) printJson(result);
  else {
    process.stdout.write(`${done.finalCode ?? ""}`);
    log(stringify({ run: done.id, status: done.status, solved: done.solved, tests: result.tests }).trimEnd());
  }
  if (done.status !== "succeeded") throw new CliError(`run ${done.id} ${done.status}${done.error ? `: ${done.error}` : ""}`, 1);
}

export const registerSolve: RegisterCommand = (program) => {
  program
    .command("solve")
    .description("run the whole flow on one problem, store the run, print the final code and its verdicts")
    .option("--problem <name>", "a stored problem, by name or id")
    .option("--problem-file <file>", "a CodeContests-shaped JSON problem file")
    .option("--config <file>", "flow configuration YAML (over config/default.yaml)")
    .option("--model <model>", "model name (default: the LLM settings)")
    .option("--language <language>", "python3 (default) or cpp")
    .option("--json", "print the result as JSON on stdout")
    .action(async (raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) {
        throw new CliError(parsed.error.issues.map((i) => `${i.path.length ? `--${i.path.join(".")}: ` : ""}${i.message}`).join("; "));
      }
      await solve(parsed.data);
    });
};
