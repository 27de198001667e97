import fs from "node:fs";
import { ImportError } from "./import-error";

/** The largest real CodeContests row is ~3 MB; far larger lines are almost always a wrong or corrupt file. */
export const DEFAULT_MAX_LINE_BYTES = 32 * 1024 * 1024;

const NEWLINE = 0x0a;

/**
 * Splits a file into lines without ever holding more than one line (up to the limit) in memory, so a huge
 * line fails fast with its line number instead of exhausting memory.
 */
export async function* readLines(
  file: string,
  label: string,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): AsyncGenerator<{ lineNumber: number; text: string }> {
  let parts: Buffer[] = [];
  let length = 0;
  let lineNumber = 1;
  const tooLong = () =>
    new ImportError(
      `${label} line ${lineNumber}`,
      `line is longer than ${formatMb(maxLineBytes)} (the limit for one problem); is this a JSON Lines file?`,
    );
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE, start); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      length += nl - start;
      if (length > maxLineBytes) throw tooLong();
      parts.push(chunk.subarray(start, nl));
      yield { lineNumber, text: Buffer.concat(parts, length).toString("utf8") };
      parts = [];
      length = 0;
      lineNumber += 1;
      start = nl + 1;
    }
    length += chunk.length - start;
    if (length > maxLineBytes) throw tooLong();
    parts.push(chunk.subarray(start));
  }
  if (length > 0) yield { lineNumber, text: Buffer.concat(parts, length).toString("utf8") };
}

function formatMb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
