import { describe, expect, it } from "vitest";
import { textBlocks } from "./text-blocks";

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i} ${"x".repeat(i % 7)}\n`).join("");

describe("textBlocks", () => {
  it("joins back to the text, closes blocks only at line ends past the size, and leaves the open tail last", () => {
    const text = `${lines(200)}partial line`;
    const blocks = textBlocks(text, 100);
    expect(blocks.join("")).toBe(text);
    expect(blocks.length).toBeGreaterThan(10);
    for (const block of blocks.slice(0, -1)) {
      expect(block.endsWith("\n")).toBe(true);
      expect(block.length).toBeGreaterThanOrEqual(100);
      expect(block.slice(0, -1).indexOf("\n", 99)).toBe(-1);
    }
    const open = blocks.at(-1)!;
    expect(open.endsWith("partial line")).toBe(true);
    expect(open.indexOf("\n", 99)).toBe(-1);
  });

  it("keeps every closed block of a prefix unchanged as the text grows", () => {
    const text = lines(300);
    let previous: string[] = [""];
    for (let end = 0; end <= text.length; end += 37) {
      const blocks = textBlocks(text.slice(0, end), 128);
      expect(blocks.slice(0, previous.length - 1)).toEqual(previous.slice(0, -1));
      previous = blocks;
    }
  });

  it("gives one block for text without line ends, and an empty open block after a closing line end", () => {
    expect(textBlocks("a".repeat(5000), 100)).toEqual(["a".repeat(5000)]);
    expect(textBlocks("")).toEqual([""]);
    expect(textBlocks(`${"a".repeat(10)}\n`, 5)).toEqual([`${"a".repeat(10)}\n`, ""]);
  });
});
