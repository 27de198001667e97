// `npm run bench:scale`: samples per minute with 1, 2 and 4 `alphaflow worker` processes on one Postgres, against
// the mock LLM at a fixed latency per call. Each configuration gets a fresh cluster and the same dataset run
// (5 real CodeContests problems × k samples, stop-on-solve off so every sample runs). Prints a table; asserts nothing.
// The last column is the throughput the machine's cores allow if every sample costs the workers' measured CPU
// (worker processes plus the sandboxed programs they judged; Postgres and the mock are not counted).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startClusterHarness } from "@/e2e/support/cluster-harness";
import { SHARED_TEST_JSONL } from "@/e2e/support/paths";
import { postgresBinDir } from "./postgres-cluster";
import { SMALL_FLOW_CONFIG } from "../tests/datasets/flow-mock-script";

const SOLVED = ["1575_A. Another Sorting Problem", "1579_A. Casimir's String Solitaire", "1582_A. Luntik and Concerts"];
const UNSOLVED = ["1580_A. Portal", "1581_A. CQXYM Count Permutations"];
const K = Number(process.env.BENCH_K ?? 4);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 400);
const SLOTS_PER_WORKER = Number(process.env.BENCH_SLOTS ?? 2);
const WORKER_COUNTS = (process.env.BENCH_WORKERS ?? "1,2,4").split(",").map(Number);
const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "bin", "alphaflow.mjs");

if (!fs.existsSync(SHARED_TEST_JSONL)) {
  process.stderr.write(`bench:scale needs ${SHARED_TEST_JSONL}\n`);
  process.exit(2);
}
if (!postgresBinDir()) {
  process.stderr.write("bench:scale needs the PostgreSQL server (apt-get install -y postgresql)\n");
  process.exit(2);
}

type Row = { workers: number; slots: number; samples: number; seconds: number; perMinute: number; llmCalls: number; cpu: number; workerCpuPerSample: number };

function cpuSeconds(): number {
  return os.cpus().reduce((sum, cpu) => sum + cpu.times.user + cpu.times.sys + cpu.times.irq, 0) / 1000;
}

async function measure(workerCount: number): Promise<Row> {
  const harness = await startClusterHarness({ testJsonl: SHARED_TEST_JSONL, solved: SOLVED, unsolved: UNSOLVED, latencyMs: LATENCY_MS, web: false });
  try {
    for (let i = 0; i < workerCount; i += 1) await harness.startWorker(`w${i}`, SLOTS_PER_WORKER);
    const configFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-scale-")), "small.yaml");
    fs.writeFileSync(configFile, SMALL_FLOW_CONFIG);
    const cpuBefore = cpuSeconds();
    const started = Date.now();
    const out = execFileSync(cli, ["solve-dataset", "--split", "test", "--k", String(K), "--no-stop-on-solve", "--config", configFile, "--detach", "--json"], {
      cwd: root,
      env: harness.env,
      encoding: "utf8",
    });
    const { datasetRunId } = JSON.parse(out) as { datasetRunId: string };
    for (;;) {
      const run = await harness.db.datasetRun.findUniqueOrThrow({ where: { id: datasetRunId } });
      if (run.status !== "running") {
        if (run.status !== "succeeded") throw new Error(`dataset run ended ${run.status}: ${run.error}`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = (Date.now() - started) / 1000;
    const cpu = (cpuSeconds() - cpuBefore) / (seconds * os.cpus().length);
    const workerCpu = harness.workers.reduce((sum, worker) => sum + worker.cpuSeconds(), 0);
    const samples = await harness.db.job.count({ where: { datasetRunId, status: { in: ["done", "failed"] } } });
    const llmCalls = await harness.db.llmCall.count({ where: { run: { datasetRunId } } });
    return { workers: workerCount, slots: workerCount * SLOTS_PER_WORKER, samples, seconds, perMinute: (samples / seconds) * 60, llmCalls, cpu, workerCpuPerSample: workerCpu / samples };
  } finally {
    await harness.stop();
  }
}

const rows: Row[] = [];
for (const count of WORKER_COUNTS) {
  process.stderr.write(`bench:scale: ${count} worker(s)…\n`);
  rows.push(await measure(count));
}
const base = rows[0].perMinute;
process.stdout.write(
  `\nbench:scale — 5 problems × k=${K} = ${5 * K} samples, mock LLM ${LATENCY_MS} ms per call, ${SLOTS_PER_WORKER} slots per worker, ${os.cpus().length} cores, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}\n`,
);
process.stdout.write("workers | slots | samples | wall s | samples/min | vs 1 worker | LLM calls | machine CPU busy | worker CPU s/sample | CPU-bound ceiling/min\n");
process.stdout.write("------- | ----- | ------- | ------ | ----------- | ----------- | --------- | ---------------- | ------------------- | ---------------------\n");
for (const row of rows) {
  process.stdout.write(
    `${String(row.workers).padStart(7)} | ${String(row.slots).padStart(5)} | ${String(row.samples).padStart(7)} | ${row.seconds.toFixed(1).padStart(6)} | ${row.perMinute
      .toFixed(1)
      .padStart(11)} | ${(row.perMinute / base).toFixed(2).padStart(10)}× | ${String(row.llmCalls).padStart(9)} | ${(row.cpu * 100).toFixed(0).padStart(15)}% | ${row.workerCpuPerSample
      .toFixed(2)
      .padStart(19)} | ${((os.cpus().length * 60) / row.workerCpuPerSample).toFixed(1).padStart(21)}\n`,
  );
}
