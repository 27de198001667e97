/**
 * Text-level repairs for YAML written by language models. Each takes the whole document and returns a new one;
 * the reader tries them in increasing order of invasiveness and keeps the first result its schema accepts.
 */

const indentOf = (line: string): number => line.length - line.trimStart().length;

/** YAML forbids tabs in indentation; models emit them anyway. */
export function replaceTabs(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const lead = /^[\t ]*/.exec(line)?.[0] ?? "";
      return lead.replace(/\t/g, "    ") + line.slice(lead.length);
    })
    .join("\n");
}

function isCompleteQuoted(value: string): boolean {
  if (value.length < 2) return false;
  const quote = value[0];
  if ((quote !== '"' && quote !== "'") || !value.endsWith(quote)) return false;
  const inner = value.slice(1, -1);
  return quote === '"' ? !/(^|[^\\])"/.test(inner) : !/(^|[^'])'(?!')/.test(inner.replace(/''/g, ""));
}

function stripUnclosedQuote(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && !isCompleteQuoted(value)) {
    const body = value.endsWith(quote) && value.length > 1 ? value.slice(1, -1) : value.slice(1);
    return quote === '"' ? body.replace(/\\n/g, "\n").replace(/\\"/g, '"') : body;
  }
  return value;
}

/**
 * Rewrites `key: inline text` (and its continuation lines) into a `key: |-` block scalar for keys whose values
 * are free text. Colons, `#`, leading quotes or braces in prose then stop being YAML syntax. A value that is a
 * complete quoted scalar on its own line is left alone: it already parses and its escapes mean something.
 */
export function blockScalarsForKeys(text: string, textKeys: readonly string[]): string {
  const keyPattern = new RegExp(`^(\\s*(?:- )?)(${textKeys.map(escapeRegExp).join("|")}):[ \\t]+(\\S.*)$`);
  const lines = text.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = keyPattern.exec(lines[i]);
    const value = match?.[3].trimEnd() ?? "";
    if (!match || /^[|>][-+0-9]*\s*(#.*)?$/.test(value) || isCompleteQuoted(value)) {
      out.push(lines[i]);
      continue;
    }
    const keyIndent = match[1].length;
    const continuation: string[] = [];
    while (i + 1 < lines.length && (lines[i + 1].trim() === "" || indentOf(lines[i + 1]) > keyIndent)) {
      continuation.push(lines[++i]);
    }
    while (continuation.length > 0 && continuation[continuation.length - 1].trim() === "") continuation.pop();
    const nonEmpty = continuation.filter((line) => line.trim() !== "");
    const common = nonEmpty.length > 0 ? Math.min(...nonEmpty.map(indentOf)) : 0;
    const pad = " ".repeat(keyIndent + 2);
    out.push(`${match[1]}${match[2]}: |-`);
    for (const valueLine of stripUnclosedQuote(value).split("\n")) out.push(pad + valueLine);
    for (const line of continuation) out.push(line.trim() === "" ? "" : pad + line.slice(common));
  }
  return out.join("\n");
}

/**
 * Whether a known key's inline value opens a quote it never closes on that line. A YAML parser then reads on into
 * the next keys and may still succeed with a wrong value, so the reader must try the repaired text first.
 */
export function hasUnclosedQuote(text: string, textKeys: readonly string[]): boolean {
  const keyPattern = new RegExp(`^\\s*(?:- )?(?:${textKeys.map(escapeRegExp).join("|")}):[ \\t]+(["'].*)$`);
  return text.split("\n").some((line) => {
    const value = keyPattern.exec(line)?.[1].trimEnd();
    return value !== undefined && !isCompleteQuoted(value);
  });
}

/** Drops prose a model appended after the YAML: the first unindented line that is not a key, item or comment. */
export function cutTrailingProse(text: string): string {
  const lines = text.split("\n");
  const cut = lines.findIndex(
    (line, index) => index > 0 && /^\S/.test(line) && !/^([\w-]+\s*:|- |-$|#|\.\.\.$|---$)/.test(line),
  );
  return cut > 0 ? lines.slice(0, cut).join("\n") + "\n" : text;
}

/** The document without its last `count` lines: what is left when a cut-off answer loses its broken tail. */
export function dropLastLines(text: string, count: number): string {
  const lines = text.replace(/\s+$/, "").split("\n");
  return lines.slice(0, Math.max(0, lines.length - count)).join("\n") + "\n";
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
