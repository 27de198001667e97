import { z } from "zod";
import { db, providerOf } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { resolveDatabaseUrl } from "@/lib/db/url";
import { defaultJobExecutor } from "@/lib/datasets/default-executor";
import { startWorker } from "@/lib/datasets/distributed/worker";
import { CliError, log, printJson } from "../output";
import type { RegisterCommand } from "./index";

const optionsSchema = z.object({
  concurrency: z.coerce.number().int().min(1, "--concurrency must be at least 1").max(64, "--concurrency is at most 64").default(2),
  leaseSeconds: z.coerce.number().min(1, "--lease-seconds must be at least 1").default(15),
  json: z.boolean().optional(),
});

export const registerWorker: RegisterCommand = (program) => {
  program
    .command("worker")
    .description("run dataset samples from the shared Postgres queue (start any number, on any machine)")
    .option("--concurrency <n>", "samples run at once by this worker", "2")
    .option("--lease-seconds <s>", "a worker silent this long is presumed dead and its samples are taken back", "15")
    .option("--json", "log one JSON line per event on stdout")
    .action(async (raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new CliError(`--${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message}`);
      const options = parsed.data;
      const url = resolveDatabaseUrl();
      migrateDatabase(url);
      const database = db();
      if (providerOf(database) !== "postgresql") {
        throw new CliError("workers need a shared Postgres: set DATABASE_URL=postgresql://… (on SQLite, solve-dataset runs the samples itself)");
      }
      const say = (line: string) => (options.json ? printJson({ at: new Date().toISOString(), message: line }) : log(line));
      const worker = await startWorker(database, {
        url,
        concurrency: options.concurrency,
        leaseMs: options.leaseSeconds * 1000,
        execute: defaultJobExecutor(database),
        log: say,
      });
      say(`worker ${worker.id} ready: ${options.concurrency} slot(s); Ctrl-C stops it and gives its running samples back`);
      const shutdown = () => {
        say("stopping: running samples go back to the queue");
        void worker.stop();
      };
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
      await worker.stopped;
      await database.$disconnect();
    });
};
