import { describe, expect, it } from "vitest";
import { invalidInputReason, statedBounds } from "./input-check";

const statement = "The first line contains n (1 ≤ n ≤ 2 ⋅ 10^5). Then n integers a_i (1 \\le a_i \\le 10^9).";
const examples = [{ input: "3\n1 2 3\n", output: "6\n" }, { input: "1\n5\n", output: "5\n" }];

describe("AI test input check", () => {
  it("reads stated bounds", () => {
    expect(statedBounds("1 ≤ t ≤ 10^4 and -10^9 ≤ x ≤ 10^9")).toEqual({ min: -1e9, max: 1e9 });
    expect(statedBounds("no constraints here")).toBeNull();
  });

  it("accepts inputs shaped like the examples", () => {
    expect(invalidInputReason("2\n7 8\n", examples, statement)).toBeNull();
  });

  it("rejects empty, non-integer, misshapen and out-of-bound inputs", () => {
    expect(invalidInputReason("  \n", examples, statement)).toBe("the input is empty");
    expect(invalidInputReason("2\n7 x\n", examples, statement)).toMatch(/not an integer/);
    expect(invalidInputReason("2 2\n7 8\n", examples, statement)).toMatch(/first line has 2 value/);
    expect(invalidInputReason("1\n99999999999\n", examples, statement)).toMatch(/outside the stated bounds/);
  });

  it("checks only bounds when the problem has no public tests", () => {
    expect(invalidInputReason("hello", [], "Print it.")).toBeNull();
  });
});
