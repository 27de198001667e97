import path from "node:path";

export const E2E_OUTPUT = path.resolve(import.meta.dirname, "..", "output");
export const SCREENSHOTS = path.join(E2E_OUTPUT, "screenshots");
export const SHARED_TEST_JSONL = path.resolve(import.meta.dirname, "..", "..", "..", "shared", "data", "codecontests", "test.jsonl");

export function screenshot(name: string): string {
  return path.join(SCREENSHOTS, `${name}.png`);
}
