import { describe, expect, it } from "vitest";
import { passAtK, passAtKFirstSolve } from "./pass-at-k";

describe("passAtK", () => {
  it("matches hand-computed binomial ratios", () => {
    // n=5, c=2, k=1: 1 − C(3,1)/C(5,1) = 1 − 3/5
    expect(passAtK(5, 2, 1)).toBeCloseTo(0.4, 12);
    // n=5, c=2, k=2: 1 − C(3,2)/C(5,2) = 1 − 3/10
    expect(passAtK(5, 2, 2)).toBeCloseTo(0.7, 12);
    // n=5, c=2, k=3: 1 − C(3,3)/C(5,3) = 1 − 1/10
    expect(passAtK(5, 2, 3)).toBeCloseTo(0.9, 12);
    // n=10, c=3, k=5: 1 − C(7,5)/C(10,5) = 1 − 21/252
    expect(passAtK(10, 3, 5)).toBeCloseTo(1 - 21 / 252, 12);
    // n=3, c=1, k=2: 1 − C(2,2)/C(3,2) = 2/3
    expect(passAtK(3, 1, 2)).toBeCloseTo(2 / 3, 12);
  });

  it("is c/n at k=1 and exact at the edges", () => {
    expect(passAtK(7, 3, 1)).toBeCloseTo(3 / 7, 12);
    expect(passAtK(4, 0, 4)).toBe(0);
    expect(passAtK(4, 4, 1)).toBe(1);
    // n − c < k: every draw of k samples contains a success
    expect(passAtK(5, 3, 3)).toBe(1);
    expect(passAtK(1, 1, 1)).toBe(1);
    expect(passAtK(1, 0, 1)).toBe(0);
  });

  it("stays finite where the binomials overflow", () => {
    // C(2000, 1000) ≈ 2e600 is Infinity as a double: the product form never forms it.
    const value = passAtK(2000, 10, 1000);
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThan(0.99);
    expect(passAtK(2000, 1, 1)).toBeCloseTo(1 / 2000, 15);
  });

  it("rejects counts that do not describe samples", () => {
    expect(() => passAtK(3, 4, 1)).toThrow(/c must be/);
    expect(() => passAtK(3, 1, 4)).toThrow(/k must be/);
    expect(() => passAtK(0, 0, 1)).toThrow(/n must be/);
    expect(() => passAtK(3, 1.5, 1)).toThrow(/c must be/);
  });
});

describe("passAtKFirstSolve", () => {
  it("counts a problem solved at pass@k when its first success is within the first k samples", () => {
    expect(passAtKFirstSolve(0, 1)).toBe(1);
    expect(passAtKFirstSolve(1, 1)).toBe(0);
    expect(passAtKFirstSolve(1, 2)).toBe(1);
    expect(passAtKFirstSolve(null, 5)).toBe(0);
    expect(() => passAtKFirstSolve(0, 0)).toThrow(/k must be/);
  });
});
