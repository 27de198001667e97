/**
 * Judge benchmark. Part 1, per-test wall time on the same tests, one at a time: (a) a bare `python3 main.py`
 * spawn, (b) one bwrap sandbox per test running `python3 main.py`, (c) the fork server (one sandbox per program,
 * one forked child per test), printed as ratios to (a). Part 2: judge() on the 73 complete problems' full hidden
 * test sets with one solution each, reporting total wall time and CPU utilisation.
 * Usage: npm run bench:judge -- [--tests N] [--problems N]
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { parseArgs } from "node:util";
import { z } from "zod";
import { judge } from "@/lib/judge";
import { runLimits } from "@/lib/judge/limits";
import { python3 } from "@/lib/judge/languages/python3";
import { sandboxedCommand, sandboxUid } from "@/lib/judge/sandbox/launch";
import { pythonInterpreter } from "@/lib/judge/sandbox/python-path";
import { SandboxSession } from "@/lib/judge/sandbox/session";

const DATA = path.resolve(import.meta.dirname, "..", "..", "shared", "data", "codecontests", "test.jsonl");
const { values } = parseArgs({ options: { tests: { type: "string", default: "200" }, problems: { type: "string" } } });

const ProblemSchema = z.object({
  name: z.string(),
  description: z.string(),
  time_limit: z.number().nullable().optional(),
  private_and_generated_tests: z.object({ input: z.array(z.string()), output: z.array(z.string()) }).nullable().optional(),
  llm_solutions: z.array(z.object({ code: z.string(), passed_all_tests: z.boolean() })).nullable().optional(),
});
type Problem = z.infer<typeof ProblemSchema>;

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

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
  return { median: sorted[Math.floor(sorted.length / 2)], mean };
}

/** CPU seconds of this process and of every descendant it has reaped (bwrap → supervisor → test children). */
function cpuSeconds(): { self: number; children: number } {
  const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  const tick = 100;
  const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]) / tick);
  return { self: utime + stime, children: cutime + cstime };
}

function machineBusy(): { busy: number; total: number } {
  const cpu = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + cpu[4];
  const total = cpu.reduce((s, x) => s + x, 0);
  return { busy: total - idle, total };
}

async function perTestComparison(problem: Problem, code: string, count: number) {
  const inputs = problem.private_and_generated_tests!.input.slice(0, count);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alphaflow-bench-"));
  fs.chmodSync(dir, 0o755);
  const file = path.join(dir, "main.py");
  fs.writeFileSync(file, code);
  fs.chmodSync(file, 0o644);
  const python = pythonInterpreter().executable;
  const env = { PATH: "/usr/bin:/bin", LANG: "C.UTF-8" };

  const bare: number[] = [];
  for (const input of inputs) bare.push(await run(python, ["-B", file], input, env));

  const sandboxed: number[] = [];
  const plan = sandboxedCommand([{ name: "code", host: dir }], [python, "-B", "/judge/code/main.py"]);
  for (const input of inputs) sandboxed.push(await run(plan.command, plan.args, input, plan.env));

  const forkServer: number[] = [];
  const limits = runLimits(python3, 10_000, 256);
  const sessionStarted = performance.now();
  const session = new SandboxSession("bwrap", []);
  await session.start({ mode: "python", source: code });
  const startMs = performance.now() - sessionStarted;
  for (const input of inputs) {
    const started = performance.now();
    await session.run({ stdin: Buffer.from(input), limits });
    forkServer.push(performance.now() - started);
  }
  await session.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const a = stats(bare);
  const b = stats(sandboxed);
  const c = stats(forkServer);
  const cAmortised = (forkServer.reduce((s, x) => s + x, 0) + startMs) / inputs.length;
  console.log(`\nper-test wall time, ${inputs.length} tests of ${problem.name}, sequential (sandbox uid ${sandboxUid()}):`);
  console.log(`  (a) bare python3 spawn     median ${a.median.toFixed(2)} ms  mean ${a.mean.toFixed(2)} ms  = 1.00×`);
  console.log(`  (b) bwrap sandbox per test median ${b.median.toFixed(2)} ms  mean ${b.mean.toFixed(2)} ms  = ${(b.median / a.median).toFixed(2)}× (mean ${(b.mean / a.mean).toFixed(2)}×)`);
  console.log(`  (c) fork server            median ${c.median.toFixed(2)} ms  mean ${c.mean.toFixed(2)} ms  = ${(c.median / a.median).toFixed(2)}× (mean ${(c.mean / a.mean).toFixed(2)}×)`);
  console.log(`      fork server incl. its ${startMs.toFixed(1)} ms start, amortised: ${cAmortised.toFixed(2)} ms = ${(cAmortised / a.mean).toFixed(2)}× of (a) mean`);
}

async function fullHiddenSets(problems: Problem[]) {
  const cores = os.availableParallelism();
  const cpuBefore = cpuSeconds();
  const machineBefore = machineBusy();
  const started = performance.now();
  let tests = 0;
  let programCpuMs = 0;
  let accepted = 0;
  for (const problem of problems) {
    const solution =
      problem.llm_solutions?.find((s) => s.passed_all_tests && s.code.trim() !== "") ??
      problem.llm_solutions?.find((s) => s.code.trim() !== "");
    if (!solution) continue;
    const hidden = problem.private_and_generated_tests!;
    const result = await judge({
      language: "python3",
      code: solution.code,
      tests: hidden.input.map((input, i) => ({ input, output: hidden.output[i] })),
      timeLimitMs: problem.time_limit ? Math.round(problem.time_limit * 1000) : undefined,
      problemStatement: problem.description,
    });
    tests += result.tests.length;
    programCpuMs += result.tests.reduce((s, t) => s + t.timeMs, 0);
    if (result.verdict === "AC") accepted++;
    console.error(`${problem.name}: ${result.verdict} on ${result.tests.length} tests (${Math.round(performance.now() - started)} ms so far)`);
  }
  const wallSeconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuSeconds();
  const machineAfter = machineBusy();
  const ours = cpuAfter.self - cpuBefore.self + (cpuAfter.children - cpuBefore.children);
  const machine = (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total);
  console.log(`\nfull hidden sets: ${problems.length} problems, ${tests} tests, one solution each (${accepted} AC), ${cores} slots`);
  console.log(`  total wall time ${wallSeconds.toFixed(1)} s, ${((1000 * wallSeconds) / Math.max(1, tests)).toFixed(2)} ms per test`);
  console.log(`  CPU used by the judge and its sandboxes ${ours.toFixed(1)} s = ${((100 * ours) / (wallSeconds * cores)).toFixed(0)}% of ${cores} cores`);
  console.log(`  CPU in the programs themselves ${(programCpuMs / 1000).toFixed(1)} s`);
  console.log(`  whole machine busy ${(100 * machine).toFixed(0)}% (includes anything else running)`);
}

async function main() {
  if (!fs.existsSync(DATA)) {
    console.error(`no data: ${DATA} is missing`);
    process.exitCode = 1;
    return;
  }
  const problems = fs
    .readFileSync(DATA, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => ProblemSchema.parse(JSON.parse(l)))
    .filter((p) => (p.private_and_generated_tests?.input.length ?? 0) > 0);
  const sample = problems.find((p) => p.llm_solutions?.some((s) => s.passed_all_tests && s.code.trim() !== ""))!;
  const code = sample.llm_solutions!.find((s) => s.passed_all_tests && s.code.trim() !== "")!.code;
  await perTestComparison(sample, code, Number(values.tests));
  await fullHiddenSets(values.problems ? problems.slice(0, Number(values.problems)) : problems);
}

await main();
