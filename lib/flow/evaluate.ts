import type { NodeContext } from "./context";
import { outputDistance } from "./distance";
import type { FlowTest } from "./problem";
import type { EvaluatedVersion, TestTally } from "./stage-outputs";
import { judgeVersion, type TestRun } from "./testing";
import type { VersionRef } from "./versions";

export function tally(run: TestRun): TestTally {
  return { passed: run.passed, failed: run.failed, pass: run.pass };
}

function distanceOf(tests: FlowTest[], run: TestRun): number | null {
  const d = outputDistance(
    run.outcomes.map((o, i) => ({ expected: tests[i].output, actual: o.verdict === "AC" || o.verdict === "WA" ? o.stdout : null })),
  );
  return Number.isFinite(d) ? d : null;
}

export interface Evaluation {
  version: EvaluatedVersion;
  publicRun: TestRun;
  aiRun: TestRun | null;
}

/** Judges a version on the public tests (and the AI tests when given), marking the anchors it must keep. */
export async function evaluateVersion(
  ctx: NodeContext,
  version: VersionRef,
  stage: string,
  options: { aiTests?: FlowTest[]; publicAnchors?: ReadonlySet<number>; aiAnchors?: ReadonlySet<number> } = {},
): Promise<Evaluation> {
  const publicTests = ctx.problem.publicTests;
  const publicRun = await judgeVersion(ctx, version, publicTests, "public", options.publicAnchors);
  const aiRun = options.aiTests ? await judgeVersion(ctx, version, options.aiTests, "ai", options.aiAnchors) : null;
  return {
    version: {
      versionId: version.versionId,
      ordinal: version.ordinal,
      code: version.code,
      stage,
      public: tally(publicRun),
      ai: aiRun ? tally(aiRun) : null,
      distance: distanceOf(publicTests, publicRun),
    },
    publicRun,
    aiRun,
  };
}

/** Most public tests passed, then the smaller distance (null = infinite), then the earlier version. */
export function betterOnPublic(a: EvaluatedVersion, b: EvaluatedVersion): boolean {
  if (a.public.passed !== b.public.passed) return a.public.passed > b.public.passed;
  const da = a.distance ?? Number.POSITIVE_INFINITY;
  const db = b.distance ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db;
  return a.ordinal < b.ordinal;
}

export const passesAll = (t: TestTally) => t.failed === 0;

export function brokenAnchors(anchors: Iterable<number>, pass: boolean[]): number[] {
  return [...anchors].filter((i) => !pass[i]).sort((a, b) => a - b);
}
