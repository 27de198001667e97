import { describe, expect, it } from "vitest";
import { toleranceFromStatement } from "./tolerance";

describe("toleranceFromStatement", () => {
  it("reads CodeContests' LaTeX form (1575_B)", () => {
    const statement =
      "It is guaranteed that the given input always has a solution with r ≤ 2 ⋅ 10^5.\n\nYour answer is considered " +
      "correct if its absolute or relative error does not exceed 10^{-4}.\n\nFormally, let your answer be a, and the " +
      "jury's answer be b. Your answer is accepted if and only if \\frac{|a - b|}{max{(1, |b|)}} ≤ 10^{-4}.";
    expect(toleranceFromStatement(statement)).toBe(1e-4);
  });

  it.each([
    ["Your answer will be considered correct if its absolute or relative error doesn't exceed 10^{-6}.", 1e-6],
    ["The answer is accepted if the absolute or relative error does not exceed 10^-9.", 1e-9],
    ["Print the answer with absolute error not exceeding 1e-7.", 1e-7],
    ["Your answer is correct if the relative error does not exceed 10<sup>-5</sup>.", 1e-5],
    ["Answers with an absolute or relative error of at most 10^{−6} are accepted.", 1e-6],
    ["The checker will accept an answer whose absolute error is at most 0.001.", 0.001],
  ])("reads %s", (statement, expected) => {
    expect(toleranceFromStatement(statement)).toBe(expected);
  });

  it.each([
    "1 ≤ n ≤ 10^5. Print the answer modulo 10^9+7.",
    "You can only add or remove pieces at two adjacent positions, as otherwise your fingers run into precision issues.",
    "Each value is a real number 10^{-3} ≤ x ≤ 1.",
    "",
  ])("finds no tolerance in %j", (statement) => {
    expect(toleranceFromStatement(statement)).toBeNull();
  });
});
