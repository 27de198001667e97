import { spawn } from "node:child_process";
import path from "node:path";

/** Runs append-worker.ts in a separate Node process; resolves with its exit code. */
export function spawnAppender(
  url: string,
  runId: string,
  count: number,
  label: string,
  mode: "concurrent" | "sequential-then-finish" = "concurrent",
): Promise<number | null> {
  const tsx = path.resolve(import.meta.dirname, "../../node_modules/.bin/tsx");
  const worker = path.join(import.meta.dirname, "append-worker.ts");
  const child = spawn(tsx, [worker, url, runId, String(count), label, mode], { stdio: ["ignore", "inherit", "inherit"] });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", resolve);
  });
}
