import fs from "node:fs";
import path from "node:path";

/** ../shared/data beside the clone: test data only, present in CI, possibly absent on a fresh clone. */
export const SHARED_DATA = path.resolve(import.meta.dirname, "..", "..", "..", "shared", "data");

export function sharedFile(relative: string): string | null {
  const file = path.join(SHARED_DATA, relative);
  return fs.existsSync(file) ? file : null;
}

/** Reason to pass to describe.skipIf / it.skipIf, printed so a skipped suite says why. */
export function missingShared(relative: string): string | false {
  if (sharedFile(relative)) return false;
  const reason = `skipped: ../shared/data/${relative} is not beside this clone`;
  console.warn(reason);
  return reason;
}
