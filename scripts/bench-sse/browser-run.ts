// One browser scenario: a real run started through POST /api/runs, its page /runs/[id] open in Chromium, the
// answer text watched in the DOM while the flow engine inside the Next server streams it from the mock LLM.
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import type { MockLlm } from "@/e2e/mock-llm";
import type { StoredRunEvent } from "@/lib/runs/events";
import { streamRunEvents } from "@/lib/runs/sse-client";
import { analyzeStream, type ProbeRecord, type StreamAnalysis } from "./analyze";
import { measureClockOffset, type ClockOffset } from "./clock";
import { mockScript, paddedProgram, runRequest, type Scenario } from "./scenario";

export type ScenarioResult = StreamAnalysis & {
  scenario: Scenario;
  runStatus: string;
  /** Completion tokens of the call as the mock reported them. */
  completionTokens: number | null;
  /** The DOM text equals the stored token texts in order, and those equal the scripted answer. */
  intact: boolean;
  /** The page applied seqs 1..last exactly once. */
  everyEventOnce: boolean;
  clockBefore: ClockOffset;
  clockAfter: ClockOffset;
  longTasksSupported: boolean;
};

const PROBE = path.join(import.meta.dirname, "page-probe.js");
const ANSWER = '[data-testid="stage-detail"][data-node="baseline"] [data-testid="stage-text"]';

async function startRun(appUrl: string, scenario: Scenario): Promise<string> {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const response = await fetch(`${appUrl}/api/runs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(runRequest(scenario, stamp)),
  });
  if (response.status !== 201) throw new Error(`POST /api/runs answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { runId: string }).runId;
}

async function storedEvents(appUrl: string, runId: string): Promise<StoredRunEvent[]> {
  const events: StoredRunEvent[] = [];
  for await (const event of streamRunEvents(`${appUrl}/api/runs/${runId}/events`)) events.push(event);
  return events;
}

/** Pins the view on the streaming stage's model stream, as a reader watching it would, so the text stays mounted. */
async function watchAnswer(page: Page): Promise<void> {
  await page.locator('[data-testid="stage-timeline"] [data-node="baseline"] button').click();
  await page.getByRole("tab", { name: /Model stream/ }).click();
  await page.evaluate(`window.__sseProbe.selector = ${JSON.stringify(ANSWER)}`);
}

export async function runScenario(
  context: BrowserContext,
  appUrl: string,
  mock: MockLlm,
  scenario: Scenario,
  options: { startDelayMs: number; timeoutMs: number },
): Promise<ScenarioResult> {
  const content = paddedProgram(scenario.tokens);
  mock.setScript(mockScript(scenario, content, options.startDelayMs));
  const page = await context.newPage();
  try {
    await page.addInitScript({ path: PROBE });
    const runId = await startRun(appUrl, scenario);
    await page.goto(`${appUrl}/runs/${runId}`);
    const studio = page.getByTestId("run-studio");
    // "ended" too: a run that finished before the page connected must not hang the bench (it counts nothing).
    await page.locator('[data-testid="run-studio"][data-stream="live"], [data-testid="run-studio"][data-stream="ended"]').waitFor({ timeout: options.timeoutMs });
    const clockBefore = await measureClockOffset(page);
    await watchAnswer(page);
    // Only events stored after this were both live on the stream and watched from their first character.
    const liveAt = Date.now();
    await page
      .locator('[data-testid="run-studio"][data-run-status="succeeded"], [data-testid="run-studio"][data-run-status="failed"], [data-testid="run-studio"][data-run-status="cancelled"]')
      .waitFor({ timeout: options.timeoutMs });
    const probe = (await page.evaluate(
      `(() => { const p = window.__sseProbe; return { growth: p.growth, longTasks: p.longTasks, longFrames: p.longFrames, frames: p.frames, unsupported: p.unsupported, text: p.text() }; })()`,
    )) as ProbeRecord;
    const clockAfter = await measureClockOffset(page);
    const attribute = async (name: string) => (await studio.getAttribute(name)) ?? "";
    const attributes = {
      status: await attribute("data-run-status"),
      lastSeq: await attribute("data-last-seq"),
      seqs: await attribute("data-seqs"),
      duplicates: await attribute("data-duplicates-dropped"),
    };

    const events = await storedEvents(appUrl, runId);
    const tokens = events.filter((event) => event.type === "token" && event.nodeKey === "baseline") as Extract<StoredRunEvent, { type: "token" }>[];
    const call = events.find((event) => event.type === "llm_call" && event.nodeKey === "baseline") as Extract<StoredRunEvent, { type: "llm_call" }> | undefined;
    const streamed = tokens.map((event) => event.text).join("");
    const last = events.at(-1)?.seq ?? 0;
    return {
      scenario,
      runStatus: attributes.status,
      completionTokens: call?.usage.completionTokens ?? null,
      intact: probe.text === streamed && streamed === content,
      everyEventOnce: attributes.lastSeq === String(last) && attributes.seqs === `1-${last}` && attributes.duplicates === "0",
      clockBefore,
      clockAfter,
      longTasksSupported: !probe.unsupported.includes("longtask"),
      ...analyzeStream(tokens, probe, liveAt),
    };
  } finally {
    await page.close();
  }
}
