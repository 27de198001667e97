import { describe, expect, it } from "vitest";
import { exactComparator } from "./exact";
import { linesComparator } from "./lines";
import { numbersClose, tokenComparator } from "./tokens";

const codeContests = tokenComparator(1e-5);
const plainTokens = tokenComparator(null);

describe("token comparator with float tolerance (CodeContests rules)", () => {
  it("ignores line structure, trailing spaces and extra whitespace", () => {
    expect(codeContests.compare("5 2 1 3 4 \n", "5 2 1 3 4")).toEqual({ ok: true });
    expect(codeContests.compare("1\n2\n3\n", "1 2\t3\r\n")).toEqual({ ok: true });
  });

  it("is case-insensitive for words", () => {
    expect(codeContests.compare("YES\nNo", "yes\nNO").ok).toBe(true);
    expect(codeContests.compare("YES", "NO").ok).toBe(false);
  });

  it("compares integers exactly, even huge ones", () => {
    expect(codeContests.compare("123456789012345678901234567890", "123456789012345678901234567891").ok).toBe(false);
    expect(codeContests.compare("123456789012345678901234567890", "123456789012345678901234567890").ok).toBe(true);
    expect(codeContests.compare("7", "007").ok).toBe(true);
    expect(codeContests.compare("1000000", "1000001").ok).toBe(false);
  });

  it("tolerates floats absolutely near zero and relatively for large values", () => {
    expect(codeContests.compare("0.5", "0.500004").ok).toBe(true);
    expect(codeContests.compare("0.5", "0.50002").ok).toBe(false);
    expect(codeContests.compare("1000000.0", "1000005.0").ok).toBe(true);
    expect(codeContests.compare("1000000.0", "1000020.0").ok).toBe(false);
    expect(codeContests.compare("2.5", "2.5000000000").ok).toBe(true);
  });

  it("uses the tolerance when either side is a non-integer number", () => {
    expect(codeContests.compare("3", "3.000001").ok).toBe(true);
    expect(codeContests.compare("3.0000001", "3").ok).toBe(true);
    expect(codeContests.compare("1e-7", "0").ok).toBe(true);
  });

  it("names the first differing token and count mismatches", () => {
    expect(codeContests.compare("1 2 3", "1 5 3")).toEqual({ ok: false, message: 'token 2: expected "2", got "5"' });
    expect(codeContests.compare("1 2 3", "1 2")).toEqual({
      ok: false,
      message: 'expected 3 tokens, got 2 (missing "3")',
    });
    expect(codeContests.compare("", "x").ok).toBe(false);
    expect(codeContests.name).toBe("tokens+float(0.00001)");
  });

  it("a word never matches a number", () => {
    expect(codeContests.compare("nan", "0.0").ok).toBe(false);
    expect(codeContests.compare("1.5", "1.5x").ok).toBe(false);
  });
});

describe("plain tokens", () => {
  it("has no float tolerance", () => {
    expect(plainTokens.compare("0.5", "0.500001").ok).toBe(false);
    expect(plainTokens.compare("Yes 1 2", "yes\n1\n2\n").ok).toBe(true);
  });
});

describe("numbersClose", () => {
  it("applies |a-b| <= tol * max(1, |b|)", () => {
    expect(numbersClose(1.0001, 1, 1e-4)).toBe(true);
    expect(numbersClose(1.0002, 1, 1e-4)).toBe(false);
    expect(numbersClose(10001, 10000, 1e-4)).toBe(true);
    expect(numbersClose(Infinity, Infinity, 1e-4)).toBe(true);
  });
});

describe("exact and lines", () => {
  it("exact differs on trailing whitespace but not on CRLF", () => {
    expect(exactComparator.compare("1 2\n", "1 2\r\n").ok).toBe(true);
    expect(exactComparator.compare("1 2\n", "1 2 \n").ok).toBe(false);
  });

  it("lines ignores trailing spaces and blank lines only", () => {
    expect(linesComparator.compare("1 2\n3\n", "1 2   \n3\n\n\n").ok).toBe(true);
    expect(linesComparator.compare("1 2\n3\n", "1 2 3\n")).toEqual({
      ok: false,
      message: 'line 1: expected "1 2", got "1 2 3"',
    });
  });
});
