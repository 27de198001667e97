import fs from "node:fs";
import path from "node:path";
import { ImportError } from "./import-error";
import { DEFAULT_MAX_LINE_BYTES, readLines } from "./json-lines";
import type { SourceRow } from "./source-row";

/** V8 cannot hold a longer string, so larger JSON documents must be JSON Lines. */
const MAX_DOCUMENT_BYTES = 512 * 1024 * 1024;

export interface JsonSourceOptions {
  maxLineBytes?: number;
}

/**
 * A `.json` file is one document: a single problem (AlphaCodium's my_problem_example.json) or an array of them.
 * Anything else is read as JSON Lines, one problem per line.
 */
export function jsonFileRows(file: string, options: JsonSourceOptions = {}): AsyncIterable<SourceRow> {
  return path.extname(file).toLowerCase() === ".json" ? jsonDocumentRows(file) : jsonLineRows(file, options);
}

async function* jsonLineRows(file: string, options: JsonSourceOptions): AsyncGenerator<SourceRow> {
  const label = path.basename(file);
  for await (const { lineNumber, text } of readLines(file, label, options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES)) {
    if (text.trim() === "") continue;
    const location = `${label} line ${lineNumber}`;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ImportError(location, `malformed JSON (${(error as Error).message})`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new ImportError(location, "expected one problem object per line");
    }
    yield { location, value, defaults: {} };
  }
}

async function* jsonDocumentRows(file: string): AsyncGenerator<SourceRow> {
  const label = path.basename(file);
  const size = (await fs.promises.stat(file)).size;
  if (size > MAX_DOCUMENT_BYTES) {
    throw new ImportError(label, `a ${Math.round(size / 2 ** 20)} MB JSON document is too large; use JSON Lines (.jsonl)`);
  }
  const text = await fs.promises.readFile(file, "utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const hint = /after JSON/.test((error as Error).message) ? "; one problem per line is JSON Lines: name the file .jsonl" : "";
    throw new ImportError(label, `malformed JSON ${positionOf(error as Error, text)}(${(error as Error).message})${hint}`);
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield { location: `${label} item ${i}`, value: item, defaults: {} };
  } else if (typeof value === "object" && value !== null) {
    yield { location: label, value, defaults: {} };
  } else {
    throw new ImportError(label, "expected a problem object or an array of problems");
  }
}

function positionOf(error: Error, text: string): string {
  const match = /position (\d+)/.exec(error.message);
  if (!match) return "";
  const before = text.slice(0, Number(match[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `at line ${line}, column ${column} `;
}
