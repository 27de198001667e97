// Playwright's web server: a fresh database with the CodeContests test split (when ../shared is present),
// the mock LLM answering from e2e/fixtures/mock-script.yaml, then the built app on the e2e port pointed at the mock.
// Exits with the app.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startMockLlm } from "@/e2e/mock-llm/server";
import { migrateDatabase } from "@/lib/db/migrate";
import { E2E_MOCK_PORT, E2E_OUTPUT, MOCK_SCRIPT, SHARED_TEST_JSONL } from "./paths";
import { E2E_API_KEY } from "./secrets";

const root = path.resolve(import.meta.dirname, "..", "..");
const port = process.env.E2E_PORT ?? "3100";
const dbFile = path.join(E2E_OUTPUT, "e2e.db");

fs.mkdirSync(E2E_OUTPUT, { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
const mock = await startMockLlm({ script: fs.readFileSync(MOCK_SCRIPT, "utf8"), port: E2E_MOCK_PORT, tokensPerSecond: 400, latencyMs: 20 });
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: `file:${dbFile}`,
  NEXT_TELEMETRY_DISABLED: "1",
  OPENAI_BASE_URL: mock.baseUrl,
  OPENAI_API_KEY: E2E_API_KEY,
  ALPHAFLOW_MODEL: "mock-model",
};
migrateDatabase(env.DATABASE_URL);

if (fs.existsSync(SHARED_TEST_JSONL)) {
  execFileSync(path.join(root, "bin", "alphaflow.mjs"), ["import", SHARED_TEST_JSONL, "--json"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
} else {
  process.stderr.write(`e2e: ${SHARED_TEST_JSONL} not found; browser tests that need it will be skipped\n`);
}

const server = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-H", "127.0.0.1", "-p", port], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", async (code) => {
  await mock.close();
  process.exit(code ?? 0);
});
