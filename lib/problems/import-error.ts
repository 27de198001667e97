import type { z } from "zod";

/** A problem source could not be read; `location` names the line, row or file so the user can find it. */
export class ImportError extends Error {
  constructor(
    readonly location: string,
    readonly reason: string,
  ) {
    super(`${location}: ${reason}`);
    this.name = "ImportError";
  }
}

const MAX_ISSUES = 3;

/** "public_tests.input.2: expected string, received number" — the first few issues, on one line. */
export function describeZodError(error: z.ZodError): string {
  const issues = error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    return `${where}${issue.message}`;
  });
  const more = error.issues.length > MAX_ISSUES ? ` (and ${error.issues.length - MAX_ISSUES} more)` : "";
  return issues.join("; ") + more;
}
