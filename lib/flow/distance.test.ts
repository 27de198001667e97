import { describe, expect, it } from "vitest";
import { outputDistance } from "./distance";

describe("outputDistance", () => {
  it("sums numeric differences and counts differing text lines", () => {
    expect(outputDistance([{ expected: "3\n5", actual: "4\n5" }])).toBe(1);
    expect(outputDistance([{ expected: "YES\nNO", actual: "YES\nYES\nNO" }])).toBe(2);
    expect(outputDistance([{ expected: "7", actual: "7\n" }, { expected: "a b", actual: "a b" }])).toBe(0);
  });

  it("is infinite for a missing output", () => {
    expect(outputDistance([{ expected: "1", actual: null }])).toBe(Number.POSITIVE_INFINITY);
    expect(outputDistance([{ expected: "1", actual: "  " }])).toBe(Number.POSITIVE_INFINITY);
  });
});
