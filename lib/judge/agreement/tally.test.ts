import { describe, expect, it } from "vitest";
import { formatRow, tallyRows, type Outcome } from "./tally";

const o = (group: string, expectedPass: boolean, agrees: boolean, unrevealed = false): Outcome => ({ group, expectedPass, agrees, unrevealed });

describe("tallyRows", () => {
  const rows = tallyRows([
    o("llm", true, true),
    o("llm", false, false),
    o("human-cpp", false, false, true),
    o("human-cpp", false, true),
    o("human-cpp", true, true),
  ]);

  it("counts by group, by label within a group, and overall", () => {
    expect(rows.map((r) => [r.name.trim(), r.agree, r.total, r.excluded])).toEqual([
      ["llm", 1, 2, 0],
      ["llm pass-labelled", 1, 1, 0],
      ["llm fail-labelled", 0, 1, 0],
      ["human-cpp", 2, 3, 1],
      ["human-cpp pass-labelled", 1, 1, 0],
      ["human-cpp fail-labelled", 1, 2, 1],
      ["all", 3, 5, 1],
    ]);
  });

  it("prints the plain figure and the one without proven data disagreements", () => {
    expect(formatRow(rows[6])).toMatch(/3\/5 = 60\.00% +excluding +1 unrevealed: 3\/4 = 75\.00%$/);
  });
});
