/** CodeContests' default when a statement does not state a tolerance (DeepMind's harness uses 1e-5). */
export const DEFAULT_TOLERANCE = 1e-5;

const MINUS = "[-−–‐]";
const POWER_OF_TEN = new RegExp(
  String.raw`10\s*\^\s*\{?\s*\(?\s*${MINUS}\s*(\d{1,2})\s*\)?\s*\}?` + // 10^{-6}, 10^-6, 10^(-6)
    String.raw`|10\s*<sup>\s*${MINUS}\s*(\d{1,2})\s*</sup>` + // 10<sup>-6</sup>
    String.raw`|\b1(?:\.0+)?\s*[eE]\s*${MINUS}\s*(\d{1,2})\b` + // 1e-6
    String.raw`|\b(0\.0*1)\b`, // 0.000001
  "g",
);
/** The sentence must be about an error bound, not a constraint like "1 ≤ n ≤ 10^5" or "x = 10^{-3} k". */
const ERROR_CONTEXT = /(absolute|relative)\s+(or\s+relative\s+|or\s+absolute\s+|and\s+relative\s+)?(error|difference|precision)|error\s+(does\s+not|doesn't|must\s+not|should\s+not|not)\s+exceed|precision\s+of|checker\s+will\s+accept|max\s*\\?\(?\{?\s*\(?\s*1\s*,\s*\|?b/i;

/**
 * The tolerance a statement states ("absolute or relative error does not exceed 10^{-6}"), or null when it
 * states none. Only sentences that talk about an error bound are read.
 */
export function toleranceFromStatement(statement: string | undefined): number | null {
  if (!statement) return null;
  const sentences = statement.split(/(?<=[.!?])\s+(?=[A-Z$\\])|\n\s*\n/);
  for (const sentence of sentences) {
    if (!ERROR_CONTEXT.test(sentence)) continue;
    POWER_OF_TEN.lastIndex = 0;
    const match = POWER_OF_TEN.exec(sentence);
    if (!match) continue;
    const exponent = match[1] ?? match[2] ?? match[3];
    if (exponent !== undefined) return Number(`1e-${Number(exponent)}`);
    if (match[4]) return Number(match[4]);
  }
  return null;
}
