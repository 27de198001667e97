// A whole cluster on this machine for the scale-out test and benchmark: a throwaway Postgres, the mock LLM, the
// built web server and N `alphaflow worker` processes, all separate OS processes sharing one database.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startMockLlm, type MockLlm } from "@/e2e/mock-llm/server";
import { createDb, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { createDatabase, startCluster, type Cluster } from "../../scripts/postgres-cluster";
import { flowScript, readRows } from "../../tests/datasets/flow-mock-script";
import { freePort } from "../../scripts/free-port";

const root = path.resolve(import.meta.dirname, "..", "..");
const cli = path.join(root, "bin", "alphaflow.mjs");

/** Judging 200 hidden tests per sample would dominate; the first ones score just as honestly. */
const HIDDEN_TESTS = 25;

export type WorkerProcess = { name: string; child: ChildProcess; log: () => string; cpuSeconds: () => number };

/** CPU time of a live process and its reaped children (the sandboxed programs it judged), from /proc. */
function processCpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime, stime, cutime, cstime are fields 14-17 of stat; fields[0] here is field 3.
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    return ticks / 100;
  } catch {
    return 0;
  }
}

export type ClusterHarness = {
  db: Db;
  url: string;
  mock: MockLlm;
  env: NodeJS.ProcessEnv;
  webUrl: string | null;
  workers: WorkerProcess[];
  startWorker: (name: string, concurrency: number, leaseSeconds?: number) => Promise<WorkerProcess>;
  stop: () => Promise<void>;
};

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function withHiddenTests(line: string, count: number): string {
  const row = JSON.parse(line) as { private_and_generated_tests: { input: string[]; output: string[] } };
  const hidden = row.private_and_generated_tests;
  return JSON.stringify({ ...row, private_and_generated_tests: { input: hidden.input.slice(0, count), output: hidden.output.slice(0, count) } });
}

export async function startClusterHarness(options: {
  testJsonl: string;
  solved: string[];
  unsolved: string[];
  latencyMs: number;
  web: boolean;
}): Promise<ClusterHarness> {
  const cluster: Cluster = await startCluster();
  const children: ChildProcess[] = [];
  let mock: MockLlm | null = null;
  let db: Db | null = null;
  const stop = async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await mock?.close();
    await db?.$disconnect();
    cluster.stop();
  };
  try {
    const url = await createDatabase(cluster.url, "alphaflow");
    migrateDatabase(url);
    const rows = readRows(options.testJsonl, [...options.solved, ...options.unsolved]);
    const subset = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "alphaflow-cluster-")), "problems.jsonl");
    fs.writeFileSync(subset, rows.map(({ line }) => withHiddenTests(line, HIDDEN_TESTS)).join("\n"));
    mock = await startMockLlm({
      script: flowScript(rows.map(({ row }) => ({ row, solve: options.solved.includes(row.name) }))),
      port: 0,
      latencyMs: options.latencyMs,
      tokensPerSecond: 0,
    });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      OPENAI_BASE_URL: mock.baseUrl,
      OPENAI_API_KEY: "test-key",
      ALPHAFLOW_MODEL: "mock-model",
    };
    execFileSync(cli, ["import", subset, "--split", "test", "--json"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
    db = createDb(url);

    let webUrl: string | null = null;
    if (options.web) {
      const port = await freePort();
      const web = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
        cwd: root,
        env,
        stdio: ["ignore", "ignore", "inherit"],
      });
      children.push(web);
      webUrl = `http://127.0.0.1:${port}`;
      await waitFor(async () => (await fetch(`${webUrl}/api/health`)).ok, 90_000, "the web server");
    }

    const workers: WorkerProcess[] = [];
    const startWorker = async (name: string, concurrency: number, leaseSeconds = 5): Promise<WorkerProcess> => {
      const child = spawn(cli, ["worker", "--concurrency", String(concurrency), "--lease-seconds", String(leaseSeconds)], {
        cwd: root,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      children.push(child);
      let log = "";
      child.stdout!.on("data", (chunk: Buffer) => (log += chunk));
      child.stderr!.on("data", (chunk: Buffer) => (log += chunk));
      const worker = { name, child, log: () => log, cpuSeconds: () => processCpuSeconds(child.pid) };
      workers.push(worker);
      await waitFor(async () => log.includes("ready:"), 60_000, `worker ${name} (${log})`);
      return worker;
    };
    return { db, url, mock, env, webUrl, workers, startWorker, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
