// The real built app for the browser half of bench:sse: `next start` on a free loopback port, on a fresh migrated
// SQLite database in a temporary folder, pointed at the bench's mock LLM. The flow engine then runs inside this
// server, so its events wake the SSE route through the in-process notifier, exactly as a run started from the UI.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "@/lib/db/migrate";
import { projectRoot } from "@/lib/db/url";
import { buildState } from "../build-state";
import { freePort } from "../free-port";

export type AppServer = { url: string; stop: () => Promise<void> };

/** Builds when there is no build at all; a stale one is used with a warning, since rebuilding is the caller's call. */
function ensureBuild(root: string): void {
  const state = buildState(root);
  if (state === "missing") {
    process.stderr.write("bench:sse: no build in .next, running next build…\n");
    const build = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", process.stderr, process.stderr],
    });
    if (build.status !== 0) throw new Error("next build failed");
    return;
  }
  if (state === "stale") {
    process.stderr.write("bench:sse: warning: sources changed since the last build; `npm run build` to measure them\n");
  }
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`next start exited (${child.exitCode ?? child.signalCode})`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the app did not answer ${url}/api/health within ${timeoutMs} ms`);
}

export async function startApp(llm: { baseUrl: string; model: string }): Promise<AppServer> {
  const root = projectRoot();
  ensureBuild(root);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alphaflow-bench-sse-app-"));
  const databaseUrl = `file:${path.join(dir, "app.db")}`;
  migrateDatabase(databaseUrl);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    OPENAI_BASE_URL: llm.baseUrl,
    OPENAI_API_KEY: "bench-sse",
    ALPHAFLOW_MODEL: llm.model,
  };
  // Its own process group, so stopping it also stops the workers next start forks.
  const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (running() && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (running()) process.kill(-child.pid, "SIGKILL");
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
