import { clip, type Comparator, type Comparison } from "./comparator";

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
/** Doubles printed with the stated digits still differ in the last binary place; this absorbs only that. */
const ROUNDING_SLACK = 1e-9;

export function splitTokens(text: string): string[] {
  return text.split(/\s+/).filter((token) => token !== "");
}

function integersEqual(a: string, b: string): boolean {
  return BigInt(a) === BigInt(b);
}

/** Absolute-or-relative: |a - b| <= tolerance * max(1, |b|), b being the expected value (Codeforces' rule). */
export function numbersClose(actual: number, expected: number, tolerance: number): boolean {
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return actual === expected;
  const scale = Math.max(1, Math.abs(expected));
  return Math.abs(actual - expected) <= tolerance * scale * (1 + ROUNDING_SLACK);
}

function tokensMatch(want: string, got: string, tolerance: number | null): boolean {
  if (want === got || want.toLowerCase() === got.toLowerCase()) return true;
  if (INTEGER.test(want) && INTEGER.test(got)) return integersEqual(want, got);
  if (tolerance !== null && NUMBER.test(want) && NUMBER.test(got)) {
    return numbersClose(Number(got), Number(want), tolerance);
  }
  return false;
}

/**
 * CodeContests' rule (DeepMind's OutputsMatch, with a relative part added): whitespace-separated tokens, words
 * case-insensitive, integers exact; a pair where either side is a non-integer number compares with the tolerance.
 * Without a tolerance, every token must match as text (ignoring case) or as an integer.
 */
export function tokenComparator(tolerance: number | null) {
  const name = tolerance === null ? "tokens" : `tokens+float(${tolerance})`;
  return {
    name,
    compare(expected: string, actual: string): Comparison {
      const want = splitTokens(expected);
      const got = splitTokens(actual);
      const count = Math.min(want.length, got.length);
      for (let i = 0; i < count; i++) {
        if (!tokensMatch(want[i], got[i], tolerance)) {
          return { ok: false, message: `token ${i + 1}: expected "${clip(want[i])}", got "${clip(got[i])}"` };
        }
      }
      if (want.length !== got.length) {
        return {
          ok: false,
          message: `expected ${want.length} tokens, got ${got.length}${
            got.length < want.length ? ` (missing "${clip(want[got.length])}")` : ` (extra "${clip(got[want.length])}")`
          }`,
        };
      }
      return { ok: true };
    },
  } satisfies Comparator;
}
