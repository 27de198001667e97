import { createHash } from "node:crypto";
import type { Problem } from "./schema";

/** Validated problems have the schema's key order, so equal content gives an equal hash across imports. */
export function contentHash(problem: Problem): string {
  return createHash("sha256").update(JSON.stringify(problem)).digest("hex");
}
