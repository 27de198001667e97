import type { NodeContext } from "../context";
import { brokenAnchors, evaluateVersion, tally } from "../evaluate";
import { describeFailure } from "../feedback";
import { proposeFix } from "../fix-proposal";
import type { FlowTest } from "../problem";
import type { AiTestsResult, CodeResult, EvaluatedVersion, ReflectionResult } from "../stage-outputs";
import { judgeVersion, timeLimitMs, type TestRun } from "../testing";
import { decide, recordVersion } from "../versions";

/**
 * Fixes the code on the AI tests with test anchors. Tests are visited easy to hard; each one the code passes
 * becomes an anchor. A failing test gets one analyze_and_fix attempt, kept only if it passes that test and every
 * anchor (the public tests that passed and the AI tests passed so far); otherwise it is reverted. The tests are
 * never changed to fit the code.
 */
export async function fixOnAiTests(
  ctx: NodeContext,
  reflection: ReflectionResult,
  start: CodeResult,
  ai: AiTestsResult,
): Promise<CodeResult> {
  const tests: FlowTest[] = ai.tests.map(({ input, output }) => ({ input, output }));
  if (tests.length === 0) return { current: start.current, versions: [], fixes: 0 };
  const publicAnchors = new Set(start.current.public.pass.flatMap((p, i) => (p ? [i] : [])));
  const aiAnchors = new Set<number>();
  let lastRun: TestRun = await judgeVersion(ctx, start.current, tests, "ai");
  let current: EvaluatedVersion = { ...start.current, ai: tally(lastRun) };
  const versions: EvaluatedVersion[] = [];
  let fixes = 0;
  for (let i = 0; i < tests.length; i++) {
    if (lastRun.pass[i]) {
      aiAnchors.add(i);
      continue;
    }
    if (fixes >= ctx.config.ai_fix.max_fixes) continue;
    fixes++;
    const failure = describeFailure(tests[i], lastRun.outcomes[i], timeLimitMs(ctx));
    const code = await proposeFix(ctx, { reflection, code: current.code, failure, style: "one_call" });
    if (code === null) continue;
    const version = await recordVersion(ctx, {
      code,
      stage: "analyze_and_fix",
      reason: `fix for AI test ${i + 1}`,
      parentVersionId: current.versionId,
    });
    const evaluation = await evaluateVersion(ctx, version, "ai_fix", { aiTests: tests, publicAnchors, aiAnchors });
    const candidate = evaluation.version;
    versions.push(candidate);
    const brokenPublic = brokenAnchors(publicAnchors, candidate.public.pass);
    const brokenAi = brokenAnchors(aiAnchors, candidate.ai!.pass);
    if (!candidate.ai!.pass[i]) {
      await decide(ctx, candidate.versionId, "reverted", `reverted: did not pass AI test ${i + 1}`, { testSet: "ai", testIndex: i });
    } else if (brokenPublic.length > 0 || brokenAi.length > 0) {
      const what = [...brokenPublic.map((k) => `public test ${k + 1}`), ...brokenAi.map((k) => `AI test ${k + 1}`)];
      await decide(ctx, candidate.versionId, "reverted", `reverted: broke anchor ${what.join(", ")}`, {
        testSet: "ai",
        testIndex: i,
        brokenAnchors: brokenAi.length > 0 ? brokenAi : brokenPublic,
      });
    } else {
      await decide(ctx, candidate.versionId, "kept", `fixed AI test ${i + 1} and kept every anchor`, { testSet: "ai", testIndex: i });
      current = candidate;
      lastRun = evaluation.aiRun!;
      aiAnchors.add(i);
      candidate.public.pass.forEach((p, k) => p && publicAnchors.add(k));
    }
  }
  return { current, versions, fixes };
}
