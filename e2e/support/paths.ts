import path from "node:path";

export const E2E_OUTPUT = path.resolve(import.meta.dirname, "..", "output");
export const SCREENSHOTS = path.join(E2E_OUTPUT, "screenshots");
export const SHARED_TEST_JSONL = path.resolve(import.meta.dirname, "..", "..", "..", "shared", "data", "codecontests", "test.jsonl");

export function screenshot(name: string): string {
  return path.join(SCREENSHOTS, `${name}.png`);
}

/** The mock LLM the e2e server starts (e2e/support/serve.ts), and the script it starts with. */
export const E2E_MOCK_PORT = Number(process.env.E2E_MOCK_PORT ?? 4110);
export const MOCK_LLM_URL = `http://127.0.0.1:${E2E_MOCK_PORT}`;
export const MOCK_SCRIPT = path.resolve(import.meta.dirname, "..", "fixtures", "mock-script.yaml");
