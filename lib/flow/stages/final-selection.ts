import type { NodeContext } from "../context";
import { tally } from "../evaluate";
import type { FlowTest } from "../problem";
import type { EvaluatedVersion, FinalResult } from "../stage-outputs";
import { judgeVersion } from "../testing";
import { decide } from "../versions";

const MAX_AI_RECHECKS = 6;

/**
 * Chooses the final program among every version the run produced: most public tests passed, then most AI tests
 * passed (versions tied on public tests that were never judged on the AI tests are judged now), then the version
 * the anchored flow ended with, then the latest. Not merely the last one.
 */
export async function selectFinal(
  ctx: NodeContext,
  candidates: EvaluatedVersion[],
  aiTests: FlowTest[],
  flowResult: EvaluatedVersion,
): Promise<FinalResult> {
  const unique = [...new Map([...candidates, flowResult].map((v) => [v.versionId, v])).values()];
  const topPublic = Math.max(...unique.map((v) => v.public.passed));
  let pool = unique.filter((v) => v.public.passed === topPublic);
  const knownBest = Math.max(0, ...pool.map((v) => v.ai?.passed ?? 0));
  if (aiTests.length > 0 && knownBest < aiTests.length) {
    const unjudged = pool.filter((v) => v.ai === null).sort((a, b) => b.ordinal - a.ordinal).slice(0, MAX_AI_RECHECKS);
    for (const version of unjudged) {
      const run = await judgeVersion(ctx, version, aiTests, "ai");
      pool = pool.map((v) => (v.versionId === version.versionId ? { ...v, ai: tally(run) } : v));
    }
  }
  if (aiTests.length > 0) pool = pool.filter((v) => v.ai !== null);
  const aiPassed = (v: EvaluatedVersion) => v.ai?.passed ?? 0;
  pool.sort(
    (a, b) =>
      aiPassed(b) - aiPassed(a) ||
      Number(b.versionId === flowResult.versionId) - Number(a.versionId === flowResult.versionId) ||
      b.ordinal - a.ordinal,
  );
  const selected = pool[0] ?? flowResult;
  const total = ctx.problem.publicTests.length;
  const reason =
    `selected version ${selected.ordinal}: ${selected.public.passed}/${total} public tests` +
    (aiTests.length > 0 ? `, ${aiPassed(selected)}/${aiTests.length} AI tests` : "") +
    ` (of ${unique.length} version(s))`;
  await decide(ctx, selected.versionId, "selected", reason);
  return { selected, reason };
}
