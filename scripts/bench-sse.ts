// npm run bench:sse — emit→subscriber latency on the server side, then emit→DOM latency and the render of a
// 20,000-token stream in Debian's Chromium against the built app, with real runs streamed from the mock LLM.
// Environment: BENCH_EVENTS (server-side events, 300), BENCH_SSE_TYPICAL_TPS (150), BENCH_SSE_LONG_TPS (2000),
// BENCH_SSE_START_DELAY_MS (8000: the page opens its stream before the first token), BENCH_SSE_BROWSER=0 skips Chromium.
import os from "node:os";
import { chromium } from "@playwright/test";
import { startMockLlm } from "@/e2e/mock-llm";
import { chromiumPath } from "@/e2e/support/chromium";
import { startApp } from "./bench-sse/app-server";
import { runScenario, type ScenarioResult } from "./bench-sse/browser-run";
import { measureInProcess } from "./bench-sse/in-process";
import { printBrowser, printInProcess } from "./bench-sse/report";
import type { Scenario } from "./bench-sse/scenario";

const env = process.env;
const TOKENS = 20_000;
const SCENARIOS: Scenario[] = [
  { label: "typical", tokens: 1_500, tokensPerSecond: Number(env.BENCH_SSE_TYPICAL_TPS ?? 150) },
  { label: "long", tokens: TOKENS, tokensPerSecond: Number(env.BENCH_SSE_LONG_TPS ?? 2_000) },
  { label: "burst", tokens: TOKENS, tokensPerSecond: 0 },
];
// Flags that keep Chromium from reaching for the network these machines do not have (docs: stack.md).
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const load = () => os.loadavg().map((value) => value.toFixed(2)).join(" ");
const loadAtStart = load();

async function measureInBrowser(executablePath: string): Promise<{ results: ScenarioResult[]; version: string }> {
  const mock = await startMockLlm({ script: { models: ["mock-model"], stages: { default: [{ content: "ok" }] } }, port: 0 });
  const app = await startApp({ baseUrl: mock.baseUrl, model: "mock-model" }).catch(async (error: unknown) => {
    await mock.close();
    throw error;
  });
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // The first page load pays for the server's and the browser's cold caches; no scenario should.
    const warm = await context.newPage();
    await warm.goto(`${app.url}/runs`);
    await warm.close();
    const results: ScenarioResult[] = [];
    for (const scenario of SCENARIOS) {
      results.push(await runScenario(context, app.url, mock, scenario, { startDelayMs: Number(env.BENCH_SSE_START_DELAY_MS ?? 8_000), timeoutMs: 600_000 }));
    }
    return { results, version: browser.version() };
  } finally {
    await browser.close();
    await app.stop();
    await mock.close();
  }
}

console.log(`bench:sse on ${os.cpus().length} cores, load average ${loadAtStart} (1/5/15 min) at the start`);
printInProcess(await measureInProcess({ events: Number(env.BENCH_EVENTS ?? 300), tokens: TOKENS }));

const executablePath = chromiumPath();
if (env.BENCH_SSE_BROWSER === "0") {
  console.log("\nBrowser: skipped (BENCH_SSE_BROWSER=0).");
} else if (!executablePath) {
  console.log("\nBrowser: not measured: no Chromium (sudo apt-get install -y chromium, or set CHROMIUM_PATH).");
} else {
  const { results, version } = await measureInBrowser(executablePath);
  printBrowser(results, version);
}
console.log(`\nload average ${load()} (1/5/15 min) at the end`);
