import fs from "node:fs";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { DatasetRunNotFoundError } from "@/lib/datasets/errors";
import { evaluateDataset } from "@/lib/datasets/evaluate";
import { exportFormatSchema, renderExport } from "@/lib/datasets/export/format";
import { formatReport } from "@/lib/datasets/format-report";
import { CliError, log } from "../output";
import type { RegisterCommand } from "./index";

const optionsSchema = z.object({
  json: z.boolean().optional(),
  format: exportFormatSchema.optional(),
  out: z.string().min(1).optional(),
});

export const registerEvaluate: RegisterCommand = (program) => {
  program
    .command("evaluate")
    .description("the pass@k report of a dataset run (crashed samples count as failures)")
    .argument("<datasetRunId>", "the id solve-dataset printed")
    .option("--json", "print the full report as JSON on stdout (same as --format json)")
    .option("--format <format>", "json, csv or alphacodium (AlphaCodium's solution-database layout)")
    .option("--out <file>", "write the export to this file instead of stdout")
    .action(async (datasetRunId: string, raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new CliError(`--${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message}`);
      const options = parsed.data;
      migrateDatabase();
      const report = await evaluateDataset(db(), datasetRunId).catch((error: unknown) => {
        if (error instanceof DatasetRunNotFoundError) throw new CliError(error.message);
        throw error;
      });
      const format = options.format ?? (options.json ? "json" : null);
      const body = format ? renderExport(report, format).body : formatReport(report);
      if (options.out) {
        fs.writeFileSync(options.out, body);
        log(`wrote ${options.out}`);
      } else process.stdout.write(body);
    });
};
