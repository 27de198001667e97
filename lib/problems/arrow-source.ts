import fs from "node:fs";
import path from "node:path";
import { RecordBatchReader } from "apache-arrow";
import { z } from "zod";
import { plainValue } from "./arrow-values";
import { ImportError, describeZodError } from "./import-error";
import type { SourceRow } from "./source-row";

const datasetDictSchema = z.object({ splits: z.array(z.string().min(1)).min(1) });
const splitStateSchema = z.object({ _data_files: z.array(z.object({ filename: z.string().min(1) })).min(1) });

/** True when the folder looks like `datasets.save_to_disk` output: a DatasetDict or a single split. */
export function isSaveToDiskFolder(folder: string): boolean {
  return fs.existsSync(path.join(folder, "dataset_dict.json")) || fs.existsSync(path.join(folder, "state.json"));
}

/** The splits of a save_to_disk folder, each with its Arrow files in order. */
export function saveToDiskSplits(folder: string): { split: string; files: string[] }[] {
  const dictFile = path.join(folder, "dataset_dict.json");
  if (!fs.existsSync(dictFile)) return [{ split: path.basename(folder), files: splitFiles(folder) }];
  const dict = readJson(dictFile, datasetDictSchema);
  return dict.splits.map((split) => ({ split, files: splitFiles(path.join(folder, split)) }));
}

function splitFiles(splitFolder: string): string[] {
  const state = readJson(path.join(splitFolder, "state.json"), splitStateSchema);
  return state._data_files.map(({ filename }) => {
    const file = path.join(splitFolder, filename);
    if (path.relative(splitFolder, file).startsWith("..")) {
      throw new ImportError(path.join(splitFolder, "state.json"), `data file ${filename} points outside its split folder`);
    }
    if (!fs.existsSync(file)) throw new ImportError(path.join(splitFolder, "state.json"), `lists ${filename}, which is missing`);
    return file;
  });
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  if (!fs.existsSync(file)) throw new ImportError(file, "is missing (not a datasets.save_to_disk folder?)");
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new ImportError(file, `malformed JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ImportError(file, describeZodError(parsed.error));
  return parsed.data;
}

/** Rows of a save_to_disk folder, optionally one split only. Rows are numbered within their split. */
export async function* saveToDiskRows(folder: string, onlySplit?: string): AsyncGenerator<SourceRow> {
  const splits = saveToDiskSplits(folder);
  const chosen = onlySplit ? splits.filter((s) => s.split === onlySplit) : splits;
  if (chosen.length === 0) {
    throw new ImportError(folder, `has no split "${onlySplit}" (splits: ${splits.map((s) => s.split).join(", ")})`);
  }
  for (const { split, files } of chosen) {
    let indexInSplit = 0;
    for (const file of files) {
      for await (const { row, value } of arrowFileRows(file)) {
        yield { location: `${path.join(split, path.basename(file))} row ${row}`, value, defaults: { split, indexInSplit } };
        indexInSplit += 1;
      }
    }
  }
}

/** One Arrow IPC file (stream or file format), one record batch in memory at a time. */
export async function* arrowFileRows(file: string): AsyncGenerator<{ row: number; value: unknown }> {
  let reader;
  try {
    reader = await RecordBatchReader.from(fs.createReadStream(file));
  } catch (error) {
    throw new ImportError(file, `is not an Arrow IPC file (${(error as Error).message})`);
  }
  let row = 0;
  const batches = reader[Symbol.asyncIterator]();
  for (;;) {
    let next;
    try {
      next = await batches.next();
    } catch (error) {
      throw new ImportError(`${file} row ${row}`, `unreadable Arrow data (${(error as Error).message})`);
    }
    if (next.done) return;
    for (const proxy of next.value) {
      yield { row, value: plainValue(proxy) };
      row += 1;
    }
  }
}
