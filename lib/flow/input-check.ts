import type { FlowTest } from "./problem";

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

const tokensOf = (text: string): string[] => text.trim().split(/\s+/).filter((t) => t !== "");
const firstLineTokens = (text: string): number => tokensOf(text.trim().split("\n")[0] ?? "").length;

function boundValue(raw: string): number | null {
  const text = raw.replace(/[{}\s]/g, "").replace(/\\cdot|·|⋅|\*|×|\\times/g, "*");
  const power = /^(\d+)(?:\*)?(\d+)?\^(\d+)$/.exec(text);
  if (power) {
    const [, a, b, e] = power;
    return b ? Number(a) * Number(b) ** Number(e) : Number(a) ** Number(e);
  }
  return /^\d+$/.test(text) ? Number(text) : null;
}

/**
 * The largest and smallest numbers the statement allows, read from constraints such as `1 ≤ n ≤ 2·10^5` or
 * `-10^9 \le a_i \le 10^9`. Null when the statement states none: then no bound check is made.
 */
export function statedBounds(description: string): { min: number; max: number } | null {
  const le = String.raw`(?:≤|<=|\\le(?:q)?|\\leqslant)`;
  const num = String.raw`(-?\s*\d[\d\s{}^·⋅*×.]*(?:\\cdot|\\times)?[\d\s{}^]*)`;
  const pattern = new RegExp(`${num}\\s*${le}[^≤<\\n$]{1,40}?${le}\\s*${num}`, "g");
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const match of description.matchAll(pattern)) {
    const low = boundValue(match[1].replace(/^-\s*/, "")) ;
    const high = boundValue(match[2].replace(/^-\s*/, ""));
    if (low === null || high === null) continue;
    min = Math.min(min, match[1].trim().startsWith("-") ? -low : low);
    max = Math.max(max, match[2].trim().startsWith("-") ? -high : high);
  }
  return Number.isFinite(min) && Number.isFinite(max) ? { min, max } : null;
}

/**
 * A quick structural check of a generated test input against what the problem's inputs look like: not empty,
 * numbers where the examples only have numbers, the same count of values on the first line when every example
 * agrees on it, and no integer outside the statement's stated bounds. It cannot prove an input valid; it catches
 * the inputs a model got visibly wrong. Returns the reason an input is invalid, or null.
 */
export function invalidInputReason(input: string, publicTests: FlowTest[], description: string): string | null {
  const tokens = tokensOf(input);
  if (tokens.length === 0) return "the input is empty";
  const examples = publicTests.map((t) => t.input);
  if (examples.length > 0) {
    const allTokens = examples.flatMap(tokensOf);
    if (allTokens.length > 0 && allTokens.every((t) => INTEGER.test(t))) {
      const bad = tokens.find((t) => !INTEGER.test(t));
      if (bad !== undefined) return `"${bad.slice(0, 20)}" is not an integer, but every example input holds only integers`;
    } else if (allTokens.length > 0 && allTokens.every((t) => NUMBER.test(t))) {
      const bad = tokens.find((t) => !NUMBER.test(t));
      if (bad !== undefined) return `"${bad.slice(0, 20)}" is not a number, but every example input holds only numbers`;
    }
    const firstCounts = new Set(examples.map(firstLineTokens));
    if (firstCounts.size === 1) {
      const [expected] = [...firstCounts];
      const got = firstLineTokens(input);
      if (got !== expected) return `the first line has ${got} value(s), every example's has ${expected}`;
    }
  }
  const bounds = statedBounds(description);
  if (bounds) {
    const outside = tokens.find((t) => INTEGER.test(t) && (Number(t) > bounds.max || Number(t) < Math.min(bounds.min, 0)));
    if (outside !== undefined) return `${outside} is outside the stated bounds [${bounds.min}, ${bounds.max}]`;
  }
  return null;
}
