import type { Comparator, Comparison } from "./comparator";

/** Byte-for-byte, except that Windows line endings are not a difference. */
export const exactComparator = {
  name: "exact",
  compare(expected: string, actual: string): Comparison {
    if (expected.replace(/\r\n/g, "\n") === actual.replace(/\r\n/g, "\n")) return { ok: true };
    return { ok: false, message: "output differs from the expected output" };
  },
} satisfies Comparator;
