import { summarize, type Summary } from "./stats";

/** What the page probe (page-probe.js) recorded, all times on the page's clock in Unix epoch milliseconds. */
export type ProbeRecord = {
  growth: [number, number][];
  longTasks: [number, number][];
  longFrames: [number, number, number][];
  frames: number[];
  unsupported: string[];
  text: string | null;
};

export type TokenEvent = { seq: number; createdAt: string; text: string };

export type StreamAnalysis = {
  tokenEvents: number;
  /** Emit→DOM of each counted token event, in seq order. */
  latencies: number[];
  latency: Summary;
  /** Token events stored before the page's stream was live: replayed, not live, so not counted. */
  beforeLive: number;
  /** Token events whose text never showed up in the DOM. */
  notSeen: number;
  /** First token event stored → last token text in the DOM. */
  renderMs: number;
  /** First → last token event stored: how long the server took to produce the stream. */
  emitSpanMs: number;
  /** Last token event stored → its text in the DOM: how far the page trailed at the end. */
  tailLagMs: number;
  longTasks: number;
  longestTaskMs: number;
  longestFrameBlockingMs: number;
  longestFrameGapMs: number;
  frames: number;
};

/**
 * Matches each stored token event to the first DOM reading that holds its text: the watched text is the events'
 * texts concatenated, so event k is on screen once the text is as long as the first k texts together.
 */
export function analyzeStream(events: TokenEvent[], probe: ProbeRecord, liveAt: number): StreamAnalysis {
  const latencies: number[] = [];
  let beforeLive = 0;
  let notSeen = 0;
  let end = 0;
  let reading = 0;
  let lastVisible = Number.NaN;
  for (const event of events) {
    end += event.text.length;
    while (reading < probe.growth.length && probe.growth[reading][1] < end) reading += 1;
    const emittedAt = Date.parse(event.createdAt);
    if (reading === probe.growth.length) {
      notSeen += 1;
      continue;
    }
    const shownAt = probe.growth[reading][0];
    lastVisible = shownAt;
    if (emittedAt < liveAt) beforeLive += 1;
    else latencies.push(shownAt - emittedAt);
  }
  const firstEmit = events.length > 0 ? Date.parse(events[0].createdAt) : Number.NaN;
  const lastEmit = events.length > 0 ? Date.parse(events[events.length - 1].createdAt) : Number.NaN;
  const overlaps = (start: number, duration: number) => start < lastVisible && start + duration > firstEmit;
  const tasks = probe.longTasks.filter(([start, duration]) => overlaps(start, duration));
  const frames = probe.longFrames.filter(([start, duration]) => overlaps(start, duration));
  let longestFrameGapMs = 0;
  let frameCount = 0;
  for (let i = 1; i < probe.frames.length; i++) {
    const [previous, current] = [probe.frames[i - 1], probe.frames[i]];
    if (current < firstEmit || previous > lastVisible) continue;
    frameCount += 1;
    longestFrameGapMs = Math.max(longestFrameGapMs, current - previous);
  }
  return {
    tokenEvents: events.length,
    latencies,
    latency: summarize(latencies),
    beforeLive,
    notSeen,
    renderMs: lastVisible - firstEmit,
    emitSpanMs: lastEmit - firstEmit,
    tailLagMs: lastVisible - lastEmit,
    longTasks: tasks.length,
    longestTaskMs: Math.max(0, ...tasks.map(([, duration]) => duration)),
    longestFrameBlockingMs: Math.max(0, ...frames.map(([, , blocking]) => blocking)),
    longestFrameGapMs,
    frames: frameCount,
  };
}
