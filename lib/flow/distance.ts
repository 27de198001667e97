/**
 * How far a program's outputs are from the expected ones (AlphaCodium's d_tot, made total): per test, the sum of
 * absolute differences when every line is a number, else the number of differing lines (a missing line counts as
 * differing). Infinity when an output is missing (crash, timeout, no output). Lower is better; 0 means all equal.
 */
export function outputDistance(results: { expected: string; actual: string | null }[]): number {
  let total = 0;
  for (const { expected, actual } of results) {
    if (actual === null || actual.trim() === "") return Number.POSITIVE_INFINITY;
    const want = expected.trim().split("\n").map((l) => l.trim());
    const got = actual.trim().split("\n").map((l) => l.trim());
    const numeric = (lines: string[]) => lines.every((l) => l !== "" && Number.isFinite(Number(l)));
    if (want.length === got.length && numeric(want) && numeric(got)) {
      total += want.reduce((sum, line, i) => sum + Math.abs(Number(line) - Number(got[i])), 0);
      continue;
    }
    const length = Math.max(want.length, got.length);
    for (let i = 0; i < length; i++) if (want[i] !== got[i]) total += 1;
  }
  return total;
}
