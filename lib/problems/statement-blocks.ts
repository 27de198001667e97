/** A statement split into what a page renders differently. */
export type StatementBlock =
  | { type: "heading"; text: string }
  | { type: "paragraph"; text: string }
  | { type: "list"; items: string[] }
  | { type: "pre"; label: string; text: string };

const SECTION_HEADING = /^(input|output|examples?|sample tests?|note|notes|interaction|hacks|scoring|constraints|explanation)\s*:?$/i;
const EXAMPLE_SECTION = /^(examples?|sample tests?)$/i;
const EXAMPLE_MARKER = /^(?:sample\s+)?(input|output)(?:\s*#?\s*\d+)?\s*:?$/i;
const LIST_ITEM = /^\s*[*•-]\s+/;

/**
 * CodeContests statements are plain text: section titles on their own line, paragraphs split by blank lines,
 * "  * " bullets, and examples as Input/Output blocks after an "Example(s)" title.
 */
export function statementBlocks(description: string): StatementBlock[] {
  const lines = description.replace(/\r\n?/g, "\n").split("\n");
  const blocks: StatementBlock[] = [];
  let inExamples = false;
  let pre: { label: string; lines: string[] } | null = null;
  let paragraph: string[] = [];

  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    if (paragraph.every((l) => LIST_ITEM.test(l) || /^\s{2,}\S/.test(l))) {
      const items: string[] = [];
      for (const line of paragraph) {
        if (LIST_ITEM.test(line) || items.length === 0) items.push(line.replace(LIST_ITEM, "").trim());
        else items[items.length - 1] += ` ${line.trim()}`;
      }
      blocks.push({ type: "list", items });
    } else {
      blocks.push({ type: "paragraph", text: paragraph.map((l) => l.trim()).join(" ") });
    }
    paragraph = [];
  };
  const flushPre = () => {
    if (!pre) return;
    const kept = [...pre.lines];
    while (kept.length > 0 && kept[0].trim() === "") kept.shift();
    while (kept.length > 0 && kept.at(-1)!.trim() === "") kept.pop();
    blocks.push({ type: "pre", label: pre.label, text: kept.join("\n") });
    pre = null;
  };

  for (const line of lines) {
    const trimmed = line.trim();
    const marker = inExamples ? EXAMPLE_MARKER.exec(trimmed) : null;
    if (marker) {
      flushPre();
      pre = { label: marker[1][0].toUpperCase() + marker[1].slice(1).toLowerCase(), lines: [] };
      continue;
    }
    if (SECTION_HEADING.test(trimmed)) {
      flushParagraph();
      flushPre();
      inExamples = EXAMPLE_SECTION.test(trimmed.replace(/:$/, ""));
      blocks.push({ type: "heading", text: trimmed.replace(/:$/, "") });
      continue;
    }
    if (pre) {
      pre.lines.push(line);
      continue;
    }
    if (trimmed === "") flushParagraph();
    else paragraph.push(line);
  }
  flushParagraph();
  flushPre();
  return blocks;
}
