import { z } from "zod";
import { testCaseSchema } from "./schema";

export const MAX_STATEMENT_CHARS = 1_000_000;

export const statementSchema = z.object({
  statement: z.string().trim().min(1, "statement is empty").max(MAX_STATEMENT_CHARS, "statement is longer than 1,000,000 characters"),
});

export const problemDraftSchema = z.object({
  name: z.string(),
  description: z.string(),
  publicTests: z.array(testCaseSchema),
  timeLimitMs: z.number().int().positive().nullable(),
  memoryLimitMb: z.number().int().positive().nullable(),
  /** What could not be recovered, for the user to fix by hand before saving. */
  warnings: z.array(z.string()),
});

export type ProblemDraft = z.infer<typeof problemDraftSchema>;

const EXAMPLES_HEADING = /^\s*(examples?|sample tests?|samples?)\s*:?\s*$/i;
const NOTE_HEADING = /^\s*(notes?|explanations?)\s*:?\s*$/i;
const PLAIN_MARKER = /^\s*(?:sample\s+)?(input|output)(?:\s*#?\s*\d+)?\s*:?\s*$/i;
const SAMPLE_MARKER = /^\s*sample\s+(input|output)(?:\s*#?\s*\d+)?\s*:?\s*$/i;
/** The Codeforces page puts a "Copy" button label under each example heading. */
const COPY_LABEL = /^\s*copy\s*$/i;
const TIME_LIMIT = /time limit(?: per test)?\s*:?\s*([\d.]+)\s*(seconds?|s|ms|milliseconds?)\b/i;
const MEMORY_LIMIT = /memory limit(?: per test)?\s*:?\s*(\d+)\s*(megabytes?|mb|mib|kilobytes?|kb)\b/i;
const HEADER_END = /^\s*(standard output|output\s*:?\s*standard output)\s*$/i;

/**
 * Drafts a problem from a pasted statement: the examples (Codeforces "Example(s)" with Input/Output blocks, or
 * "Sample Input 1"/"Sample Output 1") become public tests, a Codeforces page header gives the title and limits.
 */
export function extractProblemDraft(statement: string): ProblemDraft {
  const text = statement.replace(/\r\n?/g, "\n");
  const warnings: string[] = [];
  const { title, body } = splitHeader(text);
  const lines = body.split("\n");

  const headingIndex = lastIndexWhere(lines, (line) => EXAMPLES_HEADING.test(line));
  const blocks =
    headingIndex >= 0
      ? readBlocks(lines.slice(headingIndex + 1), PLAIN_MARKER, false)
      : readBlocks(lines, SAMPLE_MARKER, true);
  const inputs = blocks.filter((b) => b.kind === "input");
  const outputs = blocks.filter((b) => b.kind === "output");
  if (blocks.length === 0) warnings.push("no examples found: add the public tests by hand");
  if (inputs.length !== outputs.length) {
    warnings.push(`found ${inputs.length} example inputs but ${outputs.length} outputs: check the tests`);
  }
  const publicTests = inputs.slice(0, Math.min(inputs.length, outputs.length)).map((input, i) => ({
    input: input.text,
    output: outputs[i].text,
  }));

  const name = title ?? guessTitle(lines);
  if (!name) warnings.push("no title found: name the problem");
  return {
    name: name ?? "",
    description: body.trim(),
    publicTests,
    timeLimitMs: timeLimitMs(text),
    memoryLimitMb: memoryLimitMb(text),
    warnings,
  };
}

/** A Codeforces page starts "A. Title / time limit per test / … / standard output"; that header is not statement. */
function splitHeader(text: string): { title: string | null; body: string } {
  const lines = text.split("\n");
  const limitLine = lines.findIndex((line) => /time limit/i.test(line));
  if (limitLine < 0 || limitLine > 6) return { title: null, body: text };
  const title = lines.slice(0, limitLine).map((l) => l.trim()).filter(Boolean).at(-1) ?? null;
  const end = lines.findIndex((line, i) => i >= limitLine && HEADER_END.test(line));
  const bodyStart = end >= 0 && end - limitLine <= 10 ? end + 1 : limitLine + 1;
  return { title, body: lines.slice(bodyStart).join("\n") };
}

interface Block {
  kind: "input" | "output";
  text: string;
}

/**
 * Collects the lines after each marker. In the Codeforces layout a block runs to the next marker (inputs may
 * contain blank lines); "Sample" layouts (AtCoder and others) put prose after an output, so a blank line ends it.
 */
function readBlocks(lines: string[], marker: RegExp, blankEndsBlock: boolean): Block[] {
  const blocks: Block[] = [];
  let current: { kind: Block["kind"]; lines: string[] } | null = null;
  const close = () => {
    if (current) blocks.push({ kind: current.kind, text: blockText(current.lines) });
    current = null;
  };
  for (const line of lines) {
    const match = marker.exec(line);
    if (match) {
      close();
      current = { kind: match[1].toLowerCase() as Block["kind"], lines: [] };
      continue;
    }
    if (!blankEndsBlock && NOTE_HEADING.test(line)) {
      close();
      break;
    }
    if (!current) continue;
    if (current.lines.length === 0 && (line.trim() === "" || COPY_LABEL.test(line))) continue;
    if (blankEndsBlock && line.trim() === "") {
      close();
      continue;
    }
    current.lines.push(line);
  }
  close();
  return blocks;
}

function blockText(lines: string[]): string {
  const kept = [...lines];
  while (kept.length > 0 && kept.at(-1)!.trim() === "") kept.pop();
  return kept.length === 0 ? "" : `${kept.map((l) => decodeEntities(l.trimEnd())).join("\n")}\n`;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Statements scraped from HTML keep entities in the examples ("&gt;"), which the program would never read. */
function decodeEntities(line: string): string {
  return line.replace(/&(amp|lt|gt|quot|apos|nbsp|#\d+);/g, (whole, name: string) =>
    name.startsWith("#") ? String.fromCodePoint(Number(name.slice(1))) : (ENTITIES[name] ?? whole),
  );
}

function guessTitle(lines: string[]): string | null {
  const first = lines.find((l) => l.trim() !== "")?.trim();
  if (!first || first.length > 80 || /[.!?:]$/.test(first) || first.split(/\s+/).length > 10) return null;
  return first;
}

function lastIndexWhere(lines: string[], test: (line: string) => boolean): number {
  for (let i = lines.length - 1; i >= 0; i--) if (test(lines[i])) return i;
  return -1;
}

function timeLimitMs(text: string): number | null {
  const match = TIME_LIMIT.exec(text);
  if (!match) return null;
  const value = Number(match[1]);
  const ms = /^ms|^milli/i.test(match[2]) ? value : value * 1000;
  return ms > 0 && ms <= 600_000 ? Math.round(ms) : null;
}

function memoryLimitMb(text: string): number | null {
  const match = MEMORY_LIMIT.exec(text);
  if (!match) return null;
  const value = Number(match[1]);
  const mb = /^k/i.test(match[2]) ? Math.round(value / 1024) : value;
  return mb > 0 && mb <= 65_536 ? mb : null;
}
