// A throwaway PostgreSQL cluster on a loopback port, for the tests and benchmarks (no Docker here): `initdb` into a
// temp folder, `pg_ctl start`, print the URL. Run as root (CI), the server runs as the `postgres` user, since
// PostgreSQL refuses to start as root.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";

export type Cluster = { url: string; dataDir: string; port: number; stop: () => void };

/** The newest installed server's bin folder (Debian puts it under /usr/lib/postgresql/<major>/bin), or null. */
export function postgresBinDir(): string | null {
  if (process.env.ALPHAFLOW_PG_BIN && fs.existsSync(path.join(process.env.ALPHAFLOW_PG_BIN, "pg_ctl"))) {
    return process.env.ALPHAFLOW_PG_BIN;
  }
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return null;
  const majors = fs
    .readdirSync(base)
    .filter((name) => fs.existsSync(path.join(base, name, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return majors.length > 0 ? path.join(base, majors[0], "bin") : null;
}

function asServerUser(command: string, args: string[]): { status: number | null; output: string } {
  const isRoot = process.getuid?.() === 0;
  const result = isRoot
    ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" })
    : spawnSync(command, args, { encoding: "utf8" });
  return { status: result.status, output: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error?.message ?? ""}` };
}

/** Starts a fresh cluster; `stop()` shuts it down and deletes its files. */
export async function startCluster(): Promise<Cluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL server binaries not found (apt-get install -y postgresql)");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "alphaflow-pg-"));
  if (process.getuid?.() === 0) spawnSync("chown", ["postgres:postgres", dataDir]);
  const init = asServerUser(path.join(bin, "initdb"), ["-D", dataDir, "-U", "alphaflow", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.output}`);
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dataDir} -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = asServerUser(path.join(bin, "pg_ctl"), ["-D", dataDir, "-o", options, "-l", path.join(dataDir, "server.log"), "-w", "-t", "60", "start"]);
  if (start.status !== 0) throw new Error(`pg_ctl start failed: ${start.output}\n${fs.readFileSync(path.join(dataDir, "server.log"), "utf8")}`);
  const stop = () => {
    asServerUser(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { url: `postgresql://alphaflow@127.0.0.1:${port}/postgres`, dataDir, port, stop };
}

/** A new empty database on the cluster: each test suite gets its own. */
export async function createDatabase(clusterUrl: string, name: string): Promise<string> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cluster = await startCluster();
  process.stdout.write(`${cluster.url}\n`);
  process.stderr.write(`postgres: data in ${cluster.dataDir}; Ctrl-C stops and deletes it\n`);
  const shutdown = () => {
    cluster.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  setInterval(() => undefined, 1 << 30);
}
