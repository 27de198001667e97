import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import {
  downloadDatasetFile,
  listDatasetFiles,
  parseDatasetSpec,
  type DownloadProgress,
  type HubFile,
  type HubOptions,
} from "./hf-hub";
import { isSaveToDiskFolder } from "./arrow-source";
import { ImportError } from "./import-error";
import type { ImportOptions, ImportSummary } from "./import-rows";
import { importPath } from "./import-source";
import { splitOfParquetFile } from "./parquet-source";
import { findDatasetFolder } from "./zip";

export interface HfImportOptions extends ImportOptions, HubOptions {
  onDownload?: (progress: DownloadProgress) => void;
  /** Called once the files to fetch are known, with their total size when the hub reported it. */
  onPlan?: (plan: { files: HubFile[]; totalBytes: number | null }) => void;
}

/**
 * Downloads the files of a hub dataset that hold problems and imports them. Knows the two real layouts —
 * parquet shards (deepmind/code_contests) and a zipped save_to_disk folder (talrid/…_AlphaCodium) — and also
 * plain save_to_disk folders and JSON Lines.
 */
export async function importHfDataset(db: Db, spec: string, options: HfImportOptions = {}): Promise<ImportSummary> {
  const { id, revision } = parseDatasetSpec(spec);
  const files = await listDatasetFiles(id, revision, options);
  const { chosen, layout } = chooseFiles(files, options.split);
  if (chosen.length === 0) {
    throw new ImportError(`hf:${id}`, options.split ? `has no problem files for split "${options.split}"` : "has no parquet, zip, Arrow or JSON Lines files");
  }
  const sizes = chosen.map((f) => f.size);
  options.onPlan?.({ files: chosen, totalBytes: sizes.every((s) => s !== null) ? sizes.reduce((a, b) => a! + b!, 0) : null });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alphaflow-hf-"));
  try {
    const local: string[] = [];
    for (const file of chosen) local.push(await downloadDatasetFile(id, revision, file, dir, { ...options, onProgress: options.onDownload }));
    if ((layout === "zip" || layout === "jsonl") && local.length > 1) {
      throw new ImportError(`hf:${id}`, `has ${local.length} ${layout} files; download them and import one at a time`);
    }
    const target = layout === "zip" || layout === "jsonl" ? local[0] : layout === "save_to_disk" ? findDatasetFolder(dir, isSaveToDiskFolder) ?? dir : dir;
    return await importPath(db, target, options);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Layout = "parquet" | "zip" | "save_to_disk" | "jsonl";

export function chooseFiles(files: HubFile[], split?: string): { chosen: HubFile[]; layout: Layout } {
  const ext = (f: HubFile) => path.extname(f.path).toLowerCase();
  const parquet = files.filter((f) => ext(f) === ".parquet");
  if (parquet.length > 0) {
    const wanted = split ? parquet.filter((f) => (splitOfParquetFile(f.path) ?? split) === split) : parquet;
    return { chosen: wanted, layout: "parquet" };
  }
  const zips = files.filter((f) => ext(f) === ".zip");
  if (zips.length > 0) return { chosen: zips, layout: "zip" };
  const saveToDisk = files.filter((f) => /(^|\/)(dataset_dict|state|dataset_info)\.json$/.test(f.path) || ext(f) === ".arrow");
  if (saveToDisk.some((f) => f.path.endsWith("dataset_dict.json"))) return { chosen: saveToDisk, layout: "save_to_disk" };
  return { chosen: files.filter((f) => [".jsonl", ".ndjson"].includes(ext(f))), layout: "jsonl" };
}
