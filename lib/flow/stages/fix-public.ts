import type { NodeContext } from "../context";
import { betterOnPublic, brokenAnchors, evaluateVersion } from "../evaluate";
import { describeFailure } from "../feedback";
import { proposeFix } from "../fix-proposal";
import type { CodeResult, EvaluatedVersion, ReflectionResult } from "../stage-outputs";
import { judgeVersion, timeLimitMs } from "../testing";
import { decide, recordVersion } from "../versions";

const anchorsOf = (v: EvaluatedVersion) => v.public.pass.flatMap((passed, i) => (passed ? [i] : []));
const names = (indexes: number[]) => indexes.map((i) => `public test ${i + 1}`).join(", ");

/**
 * Fixes the code on the failing public tests, one test at a time: feedback names the test's input, expected and
 * actual output (or the crash, or the time limit), the model analyses and fixes, and the fix is judged on every
 * public test. A fix that breaks a test that passed before is reverted; one that fixes its test is kept; one that
 * neither helps nor breaks anything is kept only if it brings the outputs closer.
 */
export async function fixOnPublicTests(ctx: NodeContext, reflection: ReflectionResult, start: CodeResult): Promise<CodeResult> {
  const tests = ctx.problem.publicTests;
  const { max_fixes, max_fixes_per_test, fix_style } = ctx.config.public_fix;
  const perTest = max_fixes_per_test + (tests.length === 1 ? 1 : 0);
  let current = start.current;
  const versions: EvaluatedVersion[] = [];
  let fixes = 0;
  for (let i = 0; i < tests.length && fixes < max_fixes; i++) {
    let tries = 0;
    while (!current.public.pass[i] && tries < perTest && fixes < max_fixes) {
      tries++;
      fixes++;
      const anchors = new Set(anchorsOf(current));
      const detail = await judgeVersion(ctx, current, [tests[i]], "public", anchors, [i]);
      const failure = describeFailure(tests[i], detail.outcomes[0], timeLimitMs(ctx));
      const code = await proposeFix(ctx, { reflection, code: current.code, failure, testIndex: i, style: fix_style });
      if (code === null) continue;
      const version = await recordVersion(ctx, {
        code,
        stage: fix_style === "two_call" ? "fix_code" : "analyze_and_fix",
        reason: `fix for public test ${i + 1} (try ${tries})`,
        parentVersionId: current.versionId,
      });
      const { version: candidate } = await evaluateVersion(ctx, version, "public_fix", { publicAnchors: anchors });
      versions.push(candidate);
      const broken = brokenAnchors(anchors, candidate.public.pass);
      if (broken.length > 0) {
        await decide(ctx, candidate.versionId, "reverted", `reverted: broke ${names(broken)}`, { testSet: "public", testIndex: i, brokenAnchors: broken });
      } else if (candidate.public.pass[i]) {
        await decide(ctx, candidate.versionId, "kept", `fixed public test ${i + 1}`, { testSet: "public", testIndex: i });
        current = candidate;
      } else if (betterOnPublic(candidate, current)) {
        await decide(ctx, candidate.versionId, "kept", `public test ${i + 1} still fails, but the outputs are closer`, { testSet: "public", testIndex: i });
        current = candidate;
      } else {
        await decide(ctx, candidate.versionId, "reverted", `reverted: did not fix public test ${i + 1}`, { testSet: "public", testIndex: i });
      }
    }
  }
  return { current, versions, fixes };
}
