/**
 * Judges every labelled program of ../shared/data/codecontests against the hidden tests and prints how often our
 * verdict agrees with the label: the 523 LLM solutions (labelled by an external harness) and the human correct
 * and incorrect solutions (Python 3 and C++, labelled by Codeforces). Every disagreement is listed with its
 * problem, program id, label, verdict and first failing test; those proven to be the stored data's (see
 * lib/judge/agreement/unrevealed.ts) are marked and left out of a second, adjusted figure.
 * Usage: npm run judge:agreement -- [--only llm|human] [--problem NAME-PREFIX] [--id PROGRAM-ID] [--group G]
 * [--limit N] [--concurrency N] [--memory-limit-mb N] [--report FILE]
 * The dataset carries no memory limits; --memory-limit-mb replaces the judge's default to test whether a
 * disagreement is only the limit's.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { judge, type JudgeResult } from "@/lib/judge";
import { labelledCases, timeLimitMsOf, type LabelledCase } from "@/lib/judge/agreement/dataset";
import { formatRow, tallyRows, type Outcome } from "@/lib/judge/agreement/tally";
import { storedTestsCannotReveal } from "@/lib/judge/agreement/unrevealed";

const DATA = path.resolve(import.meta.dirname, "..", "..", "shared", "data", "codecontests");

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    problem: { type: "string" },
    id: { type: "string" },
    group: { type: "string" },
    limit: { type: "string" },
    concurrency: { type: "string", default: "2" },
    "memory-limit-mb": { type: "string" },
    report: { type: "string" },
  },
});

interface Disagreement {
  group: string;
  problem: string;
  programId: string;
  origin: string;
  label: "pass" | "fail";
  verdict: string;
  /** First non-AC test: its index in the judged list and whether it is a public example. */
  failingTest: { index: number; public: boolean; message: string; cpuMs: number; wallMs: number; memoryMb: number; stderr: string } | null;
  cause: "unrevealed by the stored tests" | "unattributed";
  detail: string;
}

function describeFailure(c: LabelledCase, result: JudgeResult): Disagreement["failingTest"] {
  const failed = result.tests.find((t) => t.verdict !== "AC");
  if (!failed) return null;
  return {
    index: failed.index,
    public: failed.index < c.publicCount,
    message: failed.message ?? "",
    cpuMs: failed.timeMs,
    wallMs: failed.wallMs,
    memoryMb: Math.round(failed.memoryKb / 1024),
    stderr: failed.stderr.trim().split("\n").slice(-1)[0]?.slice(0, 160) ?? "",
  };
}

function line(d: Disagreement): string {
  const where = d.failingTest
    ? `test ${d.failingTest.index}${d.failingTest.public ? " (public)" : ""}: ${d.failingTest.message} (cpu ${d.failingTest.cpuMs} ms, wall ${d.failingTest.wallMs} ms, ${d.failingTest.memoryMb} MB)${d.failingTest.stderr ? ` stderr: ${d.failingTest.stderr}` : ""}`
    : "every test AC";
  return `${d.group.padEnd(13)} ${d.problem} ${d.programId} [${d.origin}] label ${d.label}, judge ${d.verdict} — ${where} — cause: ${d.cause}${d.detail ? ` (${d.detail})` : ""}`;
}

async function main() {
  if (!fs.existsSync(path.join(DATA, "test.jsonl"))) {
    console.error(`no data: ${DATA}/test.jsonl is missing`);
    process.exitCode = 1;
    return;
  }
  const only = values.only === "llm" || values.only === "human" ? values.only : undefined;
  const { cases: all, skipped } = labelledCases(DATA, { only, problemPrefix: values.problem });
  const cases = all
    .filter((c) => (!values.id || c.programId === values.id) && (!values.group || c.group === values.group))
    .slice(0, values.limit ? Number(values.limit) : undefined);
  const started = Date.now();
  const outcomes: Outcome[] = [];
  const disagreements: Disagreement[] = [];
  let next = 0;
  const concurrency = Math.max(1, Number(values.concurrency));

  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++];
      const result = await judge({
        language: c.language,
        code: c.code,
        tests: c.tests,
        timeLimitMs: timeLimitMsOf(c.problem),
        memoryLimitMb: values["memory-limit-mb"] ? Number(values["memory-limit-mb"]) : undefined,
        problemStatement: c.problem.description,
        stopOnFirstFailure: true,
      });
      const agrees = (result.verdict === "AC") === c.expectedPass;
      const proof = agrees ? null : storedTestsCannotReveal(c, result);
      outcomes.push({ group: c.group, expectedPass: c.expectedPass, agrees, unrevealed: proof?.proven === true });
      if (proof) {
        const d: Disagreement = {
          group: c.group,
          problem: c.problem.name,
          programId: c.programId,
          origin: c.origin,
          label: c.expectedPass ? "pass" : "fail",
          verdict: result.verdict,
          failingTest: describeFailure(c, result),
          cause: proof.proven ? "unrevealed by the stored tests" : "unattributed",
          detail: proof.proven ? proof.detail : `not provably the data's: ${proof.reason}`,
        };
        disagreements.push(d);
        console.log(`DISAGREE ${line(d)}`);
      }
      if (outcomes.length % 25 === 0) console.error(`${outcomes.length}/${cases.length} judged (${Math.round((Date.now() - started) / 1000)} s)`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));

  const order = (d: Disagreement) => `${d.cause} ${d.group} ${d.problem} ${d.programId}`;
  disagreements.sort((a, b) => order(a).localeCompare(order(b)));
  console.log(`\ndisagreements (${disagreements.length}):`);
  for (const d of disagreements) console.log(`  ${line(d)}`);
  const byCause = new Map<string, number>();
  for (const d of disagreements) byCause.set(d.cause, (byCause.get(d.cause) ?? 0) + 1);
  for (const [cause, count] of byCause) console.log(`  ${count} ${cause}`);

  console.log("\nagreement (label pass ⇔ judge AC):");
  for (const row of tallyRows(outcomes)) console.log(`  ${formatRow(row)}`);
  if (Object.keys(skipped).length > 0) console.log(`not judged (language not supported): ${JSON.stringify(skipped)}`);
  console.log(`wall time ${Math.round((Date.now() - started) / 1000)} s`);
  if (values.report) {
    fs.writeFileSync(values.report, JSON.stringify({ rows: tallyRows(outcomes), disagreements, skipped }, null, 2));
  }
}

await main();
