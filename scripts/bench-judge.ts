/**
 * Judge benchmark. Part 1, per-test wall time on the same tests, interleaved test by test so load changes hit
 * every path alike: (a) a bare `python3 main.py` spawn; (b) one bwrap sandbox per test running `python3 main.py`;
 * (b') one bwrap sandbox per program whose supervisor spawns a fresh `python3 main.py` per test under the judge's
 * per-test limits (the path for languages that cannot fork-serve); (c) the fork server (one sandbox per program,
 * one forked child per test, the judge's Python path). Printed as ratios to (a).
 * Part 2: judge() on the complete problems' full hidden test sets with one solution each, reporting total wall
 * time and CPU utilisation of the cores.
 * Usage: npm run bench:judge -- [--tests N] [--problems N] [--concurrency N]
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { parseArgs } from "node:util";
import { judge } from "@/lib/judge";
import { ProblemRowSchema, readJsonl, timeLimitMsOf, type ProblemRow } from "@/lib/judge/agreement/dataset";
import { defaultMemoryLimitMb, runLimits, slotCount } from "@/lib/judge/limits";
import { python3 } from "@/lib/judge/languages/python3";
import { sandboxedCommand, sandboxUid } from "@/lib/judge/sandbox/launch";
import { pythonInterpreter } from "@/lib/judge/sandbox/python-path";
import { SandboxSession } from "@/lib/judge/sandbox/session";

const DATA = path.resolve(import.meta.dirname, "..", "..", "shared", "data", "codecontests", "test.jsonl");
const { values } = parseArgs({
  options: {
    tests: { type: "string", default: "200" },
    problems: { type: "string" },
    concurrency: { type: "string", default: "2" },
  },
});

function run(command: string, args: string[], input: string, env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // fd 3 is bwrap's --info-fd (the bare spawn ignores it), so both paths spawn the same way.
    const child = spawn(command, args, { env: env as NodeJS.ProcessEnv, stdio: ["pipe", "pipe", "pipe", "pipe"] });
    child.stdout!.resume();
    child.stderr!.resume();
    (child.stdio[3] as Readable).resume();
    child.on("error", reject);
    child.on("close", () => resolve(performance.now() - started));
    child.stdin!.on("error", () => {});
    child.stdin!.end(input);
  });
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
  return { median: sorted[Math.floor(sorted.length / 2)], mean };
}

const TICKS_PER_SECOND = 100;

/** CPU seconds of this process and of every descendant it has reaped (bwrap → supervisor → test children). */
function cpuSeconds(): { self: number; children: number } {
  const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]) / TICKS_PER_SECOND);
  return { self: utime + stime, children: cutime + cstime };
}

function machineBusy(): { busy: number; total: number } {
  const cpu = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + cpu[4];
  const total = cpu.reduce((s, x) => s + x, 0);
  return { busy: total - idle, total };
}

const loadAverage = () => os.loadavg().map((x) => x.toFixed(2)).join(", ");

async function perTestComparison(problem: ProblemRow, code: string, count: number) {
  const inputs = problem.private_and_generated_tests!.input.slice(0, count);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alphaflow-bench-"));
  fs.chmodSync(dir, 0o755);
  const file = path.join(dir, "main.py");
  fs.writeFileSync(file, code);
  fs.chmodSync(file, 0o644);
  const python = pythonInterpreter().executable;
  const env = { PATH: "/usr/bin:/bin", LANG: "C.UTF-8" };
  const codeMount = [{ name: "code", host: dir }];
  // The limits judge() would apply to this problem, so (b') and (c) pay for exactly what the judge does per test.
  const limits = runLimits(python3, timeLimitMsOf(problem) ?? 3000, defaultMemoryLimitMb());

  const perTestSandbox = sandboxedCommand(codeMount, [python, "-B", "/judge/code/main.py"]);
  const spawnStart = performance.now();
  const spawnServer = new SandboxSession("bwrap", codeMount);
  await spawnServer.start({ mode: "exec", argv: (pathOf) => [python, "-B", `${pathOf("code")}/main.py`] });
  const spawnStartMs = performance.now() - spawnStart;
  const forkStart = performance.now();
  const forkServer = new SandboxSession("bwrap", []);
  await forkServer.start({ mode: "python", source: code });
  const forkStartMs = performance.now() - forkStart;

  const samples = { a: [] as number[], b: [] as number[], b2: [] as number[], c: [] as number[] };
  for (const input of inputs) {
    samples.a.push(await run(python, ["-B", file], input, env));
    samples.b.push(await run(perTestSandbox.command, perTestSandbox.args, input, perTestSandbox.env));
    samples.b2.push(await timed(() => spawnServer.run({ stdin: Buffer.from(input), limits })));
    samples.c.push(await timed(() => forkServer.run({ stdin: Buffer.from(input), limits })));
  }
  await spawnServer.close();
  await forkServer.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const a = stats(samples.a);
  const row = (label: string, xs: number[], startMs?: number) => {
    const s = stats(xs);
    const amortised = startMs === undefined ? "" : `; with its ${startMs.toFixed(1)} ms start amortised, mean ${((xs.reduce((t, x) => t + x, 0) + startMs) / xs.length / a.mean).toFixed(2)}×`;
    console.log(`  ${label.padEnd(54)} median ${s.median.toFixed(2).padStart(6)} ms  mean ${s.mean.toFixed(2).padStart(6)} ms  = ${(s.median / a.median).toFixed(2)}× (mean ${(s.mean / a.mean).toFixed(2)}×)${amortised}`);
  };
  console.log(`\nper-test wall time, ${inputs.length} tests of ${problem.name}, interleaved, sequential (sandbox uid ${sandboxUid()}, load average ${loadAverage()}):`);
  row("(a)  bare python3 spawn", samples.a);
  row("(b)  one bwrap sandbox per test", samples.b);
  row("(b') one sandbox per program, python3 spawned per test", samples.b2, spawnStartMs);
  row("(c)  fork server (the judge's Python path)", samples.c, forkStartMs);
}

interface Solved {
  tests: number;
  programCpuMs: number;
  accepted: boolean;
  empty: boolean;
}

/** A passing solution when there is one; a problem whose only solution is empty still has its tests run. */
async function judgeOne(problem: ProblemRow): Promise<Solved | null> {
  const solution =
    problem.llm_solutions?.find((s) => s.passed_all_tests && s.code.trim() !== "") ??
    problem.llm_solutions?.find((s) => s.code.trim() !== "") ??
    problem.llm_solutions?.[0];
  if (!solution) return null;
  const hidden = problem.private_and_generated_tests!;
  const result = await judge({
    language: "python3",
    code: solution.code,
    tests: hidden.input.map((input, i) => ({ input, output: hidden.output[i] })),
    timeLimitMs: timeLimitMsOf(problem),
    problemStatement: problem.description,
  });
  return {
    tests: result.tests.length,
    programCpuMs: result.tests.reduce((s, t) => s + t.timeMs, 0),
    accepted: result.verdict === "AC",
    empty: solution.code.trim() === "",
  };
}

/** Several programs at once so the shared slot pool never waits on one program's start or its last test. */
async function fullHiddenSets(problems: ProblemRow[], concurrency: number) {
  const cores = os.availableParallelism();
  const loadBefore = loadAverage();
  const cpuBefore = cpuSeconds();
  const machineBefore = machineBusy();
  const started = performance.now();
  const solved: Solved[] = [];
  let next = 0;
  const worker = async () => {
    while (next < problems.length) {
      const problem = problems[next++];
      const outcome = await judgeOne(problem);
      if (outcome) solved.push(outcome);
      console.error(`${problem.name}: ${outcome ? `${outcome.accepted ? "AC" : "not AC"} on ${outcome.tests} tests` : "no solution"} (${Math.round(performance.now() - started)} ms so far)`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallSeconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuSeconds();
  const machineAfter = machineBusy();
  const children = cpuAfter.children - cpuBefore.children;
  const self = cpuAfter.self - cpuBefore.self;
  const machine = (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total);
  const tests = solved.reduce((s, x) => s + x.tests, 0);
  const share = (seconds: number) => `${((100 * seconds) / (wallSeconds * cores)).toFixed(0)}%`;
  console.log(`\nfull hidden sets: ${solved.length} problems, ${tests} tests, one solution each (${solved.filter((s) => s.accepted).length} AC, ${solved.filter((s) => s.empty).length} empty); ${slotCount()} judge slots, ${concurrency} programs at a time, ${cores} cores`);
  console.log(`  load average before ${loadBefore}, after ${loadAverage()}`);
  console.log(`  total wall time ${wallSeconds.toFixed(1)} s, ${((1000 * wallSeconds) / Math.max(1, tests)).toFixed(2)} ms per test`);
  console.log(`  CPU utilisation, children (sandboxes, supervisors, programs): user+sys ${children.toFixed(1)} s / (${wallSeconds.toFixed(1)} s × ${cores} cores) = ${share(children)}`);
  console.log(`  CPU utilisation incl. the judging Node process (${self.toFixed(1)} s): ${share(children + self)}`);
  console.log(`  CPU in the programs themselves ${(solved.reduce((s, x) => s + x.programCpuMs, 0) / 1000).toFixed(1)} s`);
  console.log(`  whole machine busy ${(100 * machine).toFixed(0)}% (includes anything else running)`);
}

async function main() {
  if (!fs.existsSync(DATA)) {
    console.error(`no data: ${DATA} is missing`);
    process.exitCode = 1;
    return;
  }
  const problems = readJsonl(DATA, ProblemRowSchema).filter((p) => (p.private_and_generated_tests?.input.length ?? 0) > 0);
  const sample = problems.find((p) => p.llm_solutions?.some((s) => s.passed_all_tests && s.code.trim() !== ""))!;
  const code = sample.llm_solutions!.find((s) => s.passed_all_tests && s.code.trim() !== "")!.code;
  await perTestComparison(sample, code, Number(values.tests));
  await fullHiddenSets(values.problems ? problems.slice(0, Number(values.problems)) : problems, Math.max(1, Number(values.concurrency)));
}

await main();
