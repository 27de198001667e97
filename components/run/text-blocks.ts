/**
 * Splits a streamed text into blocks of whole lines: a block closes at the first line end once it holds `size`
 * characters. Appending never moves an earlier boundary, so as a stream grows only the last block changes, and the
 * browser lays out and paints only that block instead of the whole text on every frame.
 */
export function textBlocks(text: string, size = 2048): string[] {
  const blocks: string[] = [];
  let start = 0;
  for (;;) {
    const lineEnd = text.indexOf("\n", start + size - 1);
    if (lineEnd === -1) break;
    blocks.push(text.slice(start, lineEnd + 1));
    start = lineEnd + 1;
  }
  blocks.push(text.slice(start));
  return blocks;
}
