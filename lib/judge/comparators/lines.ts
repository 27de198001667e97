import { clip, type Comparator, type Comparison } from "./comparator";

function normalisedLines(text: string): string[] {
  const lines = text.split(/\r?\n/).map((line) => line.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Judge0's rule: trailing spaces on each line and trailing blank lines are ignored; everything else counts. */
export const linesComparator = {
  name: "lines",
  compare(expected: string, actual: string): Comparison {
    const want = normalisedLines(expected);
    const got = normalisedLines(actual);
    const count = Math.max(want.length, got.length);
    for (let i = 0; i < count; i++) {
      if (want[i] !== got[i]) {
        return {
          ok: false,
          message: `line ${i + 1}: expected "${clip(want[i] ?? "<end of output>")}", got "${clip(got[i] ?? "<end of output>")}"`,
        };
      }
    }
    return { ok: true };
  },
} satisfies Comparator;
