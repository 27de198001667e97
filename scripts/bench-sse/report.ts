import type { ScenarioResult } from "./browser-run";
import type { InProcessResult } from "./in-process";
import { ms } from "./stats";

export const TARGET_P95_MS = 50;

/** Below 20 samples the nearest-rank p95 is the maximum: say so next to the verdict. */
const verdict = (p95: number, count = 20) =>
  Number.isFinite(p95) ? `${p95 < TARGET_P95_MS ? "met" : "MISSED"}${count < 20 ? " (n<20)" : ""}` : "n/a";

/** The mock's nominal pace, then the pace the events were actually emitted at (timers and load slow it down). */
function pace(r: ScenarioResult): string {
  const nominal = r.scenario.tokensPerSecond > 0 ? `${r.scenario.tokensPerSecond}/s` : "unpaced";
  const actual = r.completionTokens && r.emitSpanMs > 0 ? ` (${Math.round((r.completionTokens * 1000) / r.emitSpanMs)}/s)` : "";
  return nominal + actual;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join("  ").trimEnd()).join("\n");
}

export function printInProcess(result: InProcessResult): void {
  const { latency } = result;
  console.log(`Server side, one process (event store → SSE route handler → HTTP → SSE client):`);
  console.log(
    `  emit→subscriber  ${latency.count} events, one every ${result.spacingMs} ms: p50 ${ms(latency.p50)}  p95 ${ms(latency.p95)}  max ${ms(latency.max)}  (p95 < ${TARGET_P95_MS} ms: ${verdict(latency.p95)})`,
  );
  console.log(
    `  ${result.tokens.toLocaleString("en")} tokens through the coalescing writer: emit loop ${ms(result.emitLoopMs, 0)}, all stored ${ms(result.storedMs, 0)} (${result.rows} rows), ` +
      `subscriber got ${result.received} events, text ${result.intact ? "intact" : "CORRUPT"}, last at ${ms(result.lastReceivedMs, 0)}`,
  );
}

export function printBrowser(results: ScenarioResult[], browserVersion: string): void {
  console.log(`\nBrowser: Chromium ${browserVersion}, the built app under next start, runs started with POST /api/runs and streamed from the mock LLM:`);
  const rows = [
    ["scenario", "tokens", "pace", "events", "emit→DOM p50", "p95", "max", `p95<${TARGET_P95_MS}ms`, "emit span", "render", "tail lag", "longest task", "max frame gap", "text", "seqs once"],
    ...results.map((r) => [
      r.scenario.label,
      String(r.completionTokens ?? "?"),
      pace(r),
      `${r.latency.count}/${r.tokenEvents}`,
      ms(r.latency.p50),
      ms(r.latency.p95),
      ms(r.latency.max),
      verdict(r.latency.p95, r.latency.count),
      ms(r.emitSpanMs, 0),
      ms(r.renderMs, 0),
      ms(r.tailLagMs, 0),
      r.longTasksSupported ? (r.longTasks === 0 ? "none" : `${ms(r.longestTaskMs, 0)} (${r.longTasks})`) : "n/a",
      ms(r.longestFrameGapMs, 0),
      r.intact ? "intact" : "CORRUPT",
      r.everyEventOnce ? "yes" : "NO",
    ]),
  ];
  console.log(table(rows));
  for (const r of results) {
    const notes = [
      r.runStatus !== "succeeded" ? `run ${r.runStatus}` : "",
      r.beforeLive > 0 ? `${r.beforeLive} token events stored before the page was live and watching (not counted)` : "",
      r.notSeen > 0 ? `${r.notSeen} token events never seen in the DOM` : "",
    ].filter(Boolean);
    if (notes.length > 0) console.log(`  ${r.scenario.label}: ${notes.join("; ")}`);
  }
  console.log(
    [
      "",
      "events: token events measured / stored (the engine's writer merges deltas for up to 40 ms, so one event is many tokens).",
      "emit→DOM: the event's createdAt (new Date() in the server when the engine hands it to the store, 1 ms steps)",
      "  → the MutationObserver callback after the commit that put its text in the page (performance.timeOrigin + performance.now()).",
      "pace: the mock's nominal pace (the rate actually emitted). emit span: first → last token event emitted.",
      "render: first token event emitted → last token text in the DOM. tail lag: last token event emitted → its text in the DOM.",
      "longest task: PerformanceObserver 'longtask' entries (≥ 50 ms) during the stream; max frame gap: longest time between",
      "  two requestAnimationFrame callbacks during the stream (16.7 ms at 60 Hz when the main thread keeps up).",
      `clock offset page − Date.now(): ${results.map((r) => `${r.scenario.label} ${r.clockBefore.offsetMs.toFixed(1)}/${r.clockAfter.offsetMs.toFixed(1)} ms (±${Math.max(r.clockBefore.boundMs, r.clockAfter.boundMs).toFixed(1)})`).join(", ")}; not subtracted.`,
    ].join("\n"),
  );
}
