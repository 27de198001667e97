import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { arrowFileRows, isSaveToDiskFolder, saveToDiskRows } from "./arrow-source";
import { ImportError } from "./import-error";
import { importRows, type ImportOptions, type ImportSummary } from "./import-rows";
import { jsonFileRows } from "./json-source";
import { parquetRows, splitOfParquetFile } from "./parquet-source";
import type { SourceRow } from "./source-row";
import { extractZip, findDatasetFolder } from "./zip";

export interface LocalImportOptions extends ImportOptions {
  maxLineBytes?: number;
}

/**
 * Imports a local file or folder, choosing the reader by what it is: a save_to_disk folder (Arrow), a folder of
 * parquet shards, a .parquet, .arrow or .zip file, or JSON / JSON Lines.
 */
export async function importPath(db: Db, target: string, options: LocalImportOptions = {}): Promise<ImportSummary> {
  if (!fs.existsSync(target)) throw new ImportError(target, "no such file or folder");
  if (path.extname(target).toLowerCase() === ".zip") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alphaflow-zip-"));
    try {
      await extractZip(target, dir);
      const folder = findDatasetFolder(dir, isSaveToDiskFolder);
      if (!folder) throw new ImportError(path.basename(target), "holds no datasets.save_to_disk folder (dataset_dict.json)");
      return await importRows(db, saveToDiskRows(folder, options.split), options);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return importRows(db, localRows(target, options), options);
}

function localRows(target: string, options: LocalImportOptions): AsyncIterable<SourceRow> {
  if (fs.statSync(target).isDirectory()) {
    if (isSaveToDiskFolder(target)) return saveToDiskRows(target, options.split);
    const shards = parquetFilesUnder(target);
    if (shards.length === 0) {
      throw new ImportError(target, "is neither a datasets.save_to_disk folder (dataset_dict.json) nor a folder of .parquet files");
    }
    return parquetShardRows(shards, options.split);
  }
  switch (path.extname(target).toLowerCase()) {
    case ".parquet":
      return parquetShardRows([target], options.split);
    case ".arrow":
      return arrowRows(target, options.split);
    default:
      return jsonFileRows(target, { maxLineBytes: options.maxLineBytes });
  }
}

export function parquetFilesUnder(folder: string): string[] {
  return (fs.readdirSync(folder, { recursive: true, encoding: "utf8" }) as string[])
    .filter((name) => name.toLowerCase().endsWith(".parquet"))
    .sort()
    .map((name) => path.join(folder, name));
}

/** Shards of one split continue each other's numbering; shards of other splits are not even opened. */
export async function* parquetShardRows(files: string[], onlySplit?: string): AsyncGenerator<SourceRow> {
  const nextIndex = new Map<string | null, number>();
  for (const file of files) {
    const split = splitOfParquetFile(file);
    if (onlySplit && split && split !== onlySplit) continue;
    const first = nextIndex.get(split) ?? 0;
    let count = 0;
    for await (const row of parquetRows(file, first)) {
      count += 1;
      yield row;
    }
    nextIndex.set(split, first + count);
  }
}

async function* arrowRows(file: string, split?: string): AsyncGenerator<SourceRow> {
  for await (const { row, value } of arrowFileRows(file)) {
    yield { location: `${path.basename(file)} row ${row}`, value, defaults: { split: split ?? null, indexInSplit: row } };
  }
}
