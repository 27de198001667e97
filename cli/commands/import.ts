import cliProgress from "cli-progress";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import type { DownloadProgress } from "@/lib/problems/hf-hub";
import { hubOptionsFromEnv } from "@/lib/problems/hf-hub";
import { importHfDataset } from "@/lib/problems/hf-import";
import { ImportError } from "@/lib/problems/import-error";
import type { ImportSummary } from "@/lib/problems/import-rows";
import { importPath } from "@/lib/problems/import-source";
import { CliError, log, printJson } from "../output";
import type { RegisterCommand } from "./index";

const importOptionsSchema = z.object({
  split: z.enum(["train", "valid", "test"], { error: "--split must be train, valid or test" }).optional(),
  json: z.boolean().optional(),
  maxLineMb: z.coerce.number({ error: "--max-line-mb must be a number" }).positive().max(2048).optional(),
});

export const registerImport: RegisterCommand = (program) => {
  program
    .command("import")
    .description("load problems from a CodeContests JSONL/JSON file, a save_to_disk folder, parquet, a zip, or hf:<dataset>")
    .argument("<source>", "a file or folder path, or hf:<owner>/<dataset>[@revision] (endpoint from HF_ENDPOINT)")
    .option("--split <split>", "only this split (valid, test or train); also the split of rows that name none")
    .option("--max-line-mb <mb>", "largest JSON Lines row accepted, in MB (default 32)")
    .option("--json", "print the counts as JSON on stdout")
    .action(async (source: string, raw: unknown) => {
      const parsed = importOptionsSchema.safeParse(raw);
      if (!parsed.success) throw new CliError(parsed.error.issues[0].message);
      const options = parsed.data;
      migrateDatabase();
      const started = Date.now();
      const summary = await runImport(source, options).catch((error: unknown) => {
        if (error instanceof ImportError) throw new CliError(`import failed, nothing was stored: ${error.message}`);
        throw error;
      });
      const seconds = (Date.now() - started) / 1000;
      if (options.json) printJson({ source, split: options.split ?? null, seconds, ...summary });
      else log(describe(summary, seconds));
    });
};

async function runImport(source: string, options: z.infer<typeof importOptionsSchema>): Promise<ImportSummary> {
  const onProgress = ({ done }: { done: number }) => {
    if (!process.stderr.isTTY) return;
    process.stderr.write(`\r  ${done} problems written…`);
  };
  if (!source.startsWith("hf:")) {
    const summary = await importPath(db(), source, {
      split: options.split,
      maxLineBytes: options.maxLineMb ? options.maxLineMb * 1024 * 1024 : undefined,
      onProgress,
    });
    if (process.stderr.isTTY) process.stderr.write("\n");
    return summary;
  }
  const hub = hubOptionsFromEnv();
  log(`downloading ${source.slice(3)} from ${hub.endpoint}`);
  const progress = downloadProgress();
  try {
    return await importHfDataset(db(), source.slice(3), {
      ...hub,
      split: options.split,
      onPlan: ({ files, totalBytes }) => log(`${files.length} file(s)${totalBytes ? `, ${formatBytes(totalBytes)}` : ""}`),
      onDownload: progress.update,
      onProgress: (p) => {
        progress.stop();
        onProgress(p);
      },
    });
  } finally {
    progress.stop();
    if (process.stderr.isTTY) process.stderr.write("\n");
  }
}

/** A bar per file on a terminal; otherwise a line at each 10% so CI logs stay short. */
function downloadProgress(): { update: (p: DownloadProgress) => void; stop: () => void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: " {file} [{bar}] {percentage}% {done}/{size}", hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let file: string | null = null;
    return {
      update: (p) => {
        const payload = { file: p.file, done: formatBytes(p.received), size: p.total ? formatBytes(p.total) : "?" };
        if (file !== p.file) {
          if (file !== null) bar.stop();
          bar.start(p.total ?? 0, p.received, payload);
          file = p.file;
        }
        bar.update(p.received, payload);
      },
      stop: () => {
        if (file !== null) bar.stop();
        file = null;
      },
    };
  }
  const lastDecile = new Map<string, number>();
  return {
    update: (p) => {
      const decile = p.total ? Math.floor((p.received / p.total) * 10) : -1;
      if (decile < 0 || lastDecile.get(p.file) === decile) return;
      lastDecile.set(p.file, decile);
      log(`  ${p.file}: ${decile * 10}% (${formatBytes(p.received)} of ${formatBytes(p.total!)})`);
    },
    stop: () => undefined,
  };
}

function describe(s: ImportSummary, seconds: number): string {
  const skipped = s.skipped > 0 ? `, ${s.skipped} of other splits skipped` : "";
  return (
    `${s.total} problems: ${s.imported} imported, ${s.updated} updated, ${s.unchanged} unchanged${skipped}; ` +
    `${s.withHiddenTests} with hidden tests (${s.hiddenTests} hidden, ${s.publicTests} public tests) in ${seconds.toFixed(1)} s`
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
