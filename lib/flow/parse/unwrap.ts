const FENCE = /^\s{0,3}(```+|~~~+)\s*([\w+#.-]*)\s*$/;

export interface FencedBlock {
  language: string;
  body: string;
  closed: boolean;
}

/**
 * Fenced blocks whose fences start a line. Fences indented deeper than three spaces belong to the content
 * (a YAML block scalar that quotes code), so they never open or close a block here.
 */
export function fencedBlocks(text: string): FencedBlock[] {
  const lines = text.split("\n");
  const blocks: FencedBlock[] = [];
  let open: { language: string; marker: string; start: number } | null = null;
  lines.forEach((line, index) => {
    const match = FENCE.exec(line);
    if (!match) return;
    if (!open) {
      open = { language: match[2].toLowerCase(), marker: match[1][0], start: index + 1 };
    } else if (match[2] === "" && match[1][0] === open.marker) {
      blocks.push({ language: open.language, body: lines.slice(open.start, index).join("\n"), closed: true });
      open = null;
    }
  });
  if (open !== null) {
    const unclosed: { language: string; start: number } = open;
    blocks.push({ language: unclosed.language, body: lines.slice(unclosed.start).join("\n"), closed: false });
  }
  return blocks;
}

function startsWithKey(line: string, keys: readonly string[]): boolean {
  return keys.some((key) => line.startsWith(`${key}:`));
}

/**
 * The YAML part of a model answer: the fenced block that holds a known top-level key (models wrap answers in
 * fences, sometimes leave the fence unclosed, or only close one they never opened), else the text from the first
 * line that starts with a known key, without a stray closing fence or prose after it.
 */
export function unwrapYaml(text: string, topKeys: readonly string[]): string {
  const normalised = text.replace(/\r\n?/g, "\n");
  const withKey = fencedBlocks(normalised).find((block) =>
    block.body.split("\n").some((line) => startsWithKey(line, topKeys)),
  );
  const body = withKey ? withKey.body : normalised;
  const lines = body.split("\n");
  const first = lines.findIndex((line) => startsWithKey(line, topKeys));
  const fromKey = first > 0 ? lines.slice(first) : lines;
  const strayFence = fromKey.findIndex((line) => FENCE.test(line) && !/^\s/.test(line));
  const kept = strayFence >= 0 ? fromKey.slice(0, strayFence) : fromKey;
  return kept.join("\n").replace(/\s+$/, "") + "\n";
}
