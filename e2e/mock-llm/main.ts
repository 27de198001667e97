import { parseArgs } from "node:util";
import { loadMockScriptFile } from "./script";
import { startMockLlm } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.MOCK_LLM_PORT ?? "4010" },
    host: { type: "string", default: process.env.MOCK_LLM_HOST ?? "127.0.0.1" },
    script: { type: "string", default: process.env.MOCK_LLM_SCRIPT },
    "tokens-per-second": { type: "string", default: process.env.MOCK_LLM_TOKENS_PER_SECOND },
    "latency-ms": { type: "string", default: process.env.MOCK_LLM_LATENCY_MS },
    help: { type: "boolean", default: false },
  },
});

const USAGE = `usage: npm run mock-llm -- [--port N] [--host H] [--script FILE.yaml] [--tokens-per-second N] [--latency-ms N]
env: MOCK_LLM_PORT, MOCK_LLM_HOST, MOCK_LLM_SCRIPT, MOCK_LLM_TOKENS_PER_SECOND, MOCK_LLM_LATENCY_MS`;

function number(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`mock-llm: --${name} must be a non-negative number (got "${raw}")\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

try {
  const mock = await startMockLlm({
    script: values.script ? loadMockScriptFile(values.script) : undefined,
    port: number("port", values.port),
    host: values.host,
    tokensPerSecond: number("tokens-per-second", values["tokens-per-second"]),
    latencyMs: number("latency-ms", values["latency-ms"]),
  });
  console.log(`mock-llm listening on ${mock.baseUrl}${values.script ? ` (script ${values.script})` : " (empty script)"}`);
  const stop = () => void mock.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  console.error(`mock-llm: ${(error as Error).message}`);
  process.exit(1);
}
