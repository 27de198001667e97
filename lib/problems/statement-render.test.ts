import { describe, expect, it } from "vitest";
import { mathSegments, readableLatex } from "./math-text";
import { statementBlocks } from "./statement-blocks";

describe("statementBlocks", () => {
  it("splits sections, paragraphs, bullet lists and example blocks", () => {
    const blocks = statementBlocks(
      "Sort the books.\nReally.\n\n  * if odd, ascending; \n  * if even, descending. \n\nInput\n\nThe first line has n.\n\nExample\n\nInput\n\n\n5 2\nAA\n\n\nOutput\n\n\n5 2 1\n\nNote\n\nSee above.",
    );
    expect(blocks).toEqual([
      { type: "paragraph", text: "Sort the books. Really." },
      { type: "list", items: ["if odd, ascending;", "if even, descending."] },
      { type: "heading", text: "Input" },
      { type: "paragraph", text: "The first line has n." },
      { type: "heading", text: "Example" },
      { type: "pre", label: "Input", text: "5 2\nAA" },
      { type: "pre", label: "Output", text: "5 2 1" },
      { type: "heading", text: "Note" },
      { type: "paragraph", text: "See above." },
    ]);
  });
});

describe("math", () => {
  it("marks $…$ and Codeforces $$$…$$$ spans", () => {
    expect(mathSegments("Let $$$1 \\le n \\le 10^5$$$ and $a_i$ be given.")).toEqual([
      { type: "text", text: "Let " },
      { type: "math", text: "1 ≤ n ≤ 10⁵" },
      { type: "text", text: " and " },
      { type: "math", text: "aᵢ" },
      { type: "text", text: " be given." },
    ]);
  });

  it("keeps what Unicode cannot typeset legible", () => {
    expect(readableLatex("2^{n+1} \\cdot x_{ij}")).toBe("2ⁿ⁺¹ ⋅ xᵢⱼ");
    expect(readableLatex("10^{18} \\bmod p_{q}")).toBe("10¹⁸ mod p_q");
    expect(readableLatex("\\frac{a+1}{b} + \\sqrt{n} + \\binom{n}{k}")).toBe("(a+1)/(b) + √(n) + C(n, k)");
  });
});
