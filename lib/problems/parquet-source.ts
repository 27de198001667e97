import path from "node:path";
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { plainValue } from "./arrow-values";
import { ImportError } from "./import-error";
import type { SourceRow } from "./source-row";

/** deepmind/code_contests shards are named like `test-00000-of-00001-<hash>.parquet`. */
export function splitOfParquetFile(file: string): string | null {
  const match = /^(train|valid|validation|test)(?=[-_.])/.exec(path.basename(file));
  if (!match) return null;
  return match[1] === "validation" ? "valid" : match[1];
}

/** Rows of one parquet file, one row group in memory at a time. */
export async function* parquetRows(file: string, firstIndex = 0): AsyncGenerator<SourceRow> {
  const label = path.basename(file);
  let metadata;
  const buffer = await asyncBufferFromFile(file);
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (error) {
    throw new ImportError(label, `is not a parquet file (${(error as Error).message})`);
  }
  const split = splitOfParquetFile(file);
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    const rows = await parquetReadObjects({ file: buffer, metadata, compressors, rowStart, rowEnd });
    for (const [i, value] of rows.entries()) {
      const row = rowStart + i;
      yield { location: `${label} row ${row}`, value: plainValue(value), defaults: { split, indexInSplit: firstIndex + row } };
    }
    rowStart = rowEnd;
  }
}
