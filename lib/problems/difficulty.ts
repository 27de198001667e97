/**
 * CodeContests stores difficulty as the `Difficulty` enum of its contest_problem.proto: 0 is unknown, 1–5 are
 * CodeChef/AtCoder-style words, 6 is EXTERNAL and 7 onwards are Codeforces letters A, B, C, …
 */
const NAMED = ["UNKNOWN_DIFFICULTY", "EASY", "MEDIUM", "HARD", "HARDER", "HARDEST", "EXTERNAL"] as const;
const FIRST_LETTER_CODE = NAMED.length;
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUV";

export function difficultyLabel(value: number | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (trimmed === "" || trimmed === NAMED[0]) return null;
    return /^\d+$/.test(trimmed) ? difficultyLabel(Number(trimmed)) : trimmed;
  }
  if (!Number.isInteger(value) || value < 0) throw new Error(`difficulty ${value} is not a CodeContests difficulty code`);
  if (value === 0) return null;
  if (value < FIRST_LETTER_CODE) return NAMED[value];
  const letter = LETTERS[value - FIRST_LETTER_CODE];
  if (!letter) throw new Error(`difficulty ${value} is beyond the CodeContests codes (0–${FIRST_LETTER_CODE + LETTERS.length - 1})`);
  return letter;
}
