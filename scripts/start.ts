// `npm start`: migrate the database, build when the sources are newer than the last build, then serve.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { migrateDatabase } from "@/lib/db/migrate";
import { projectRoot, resolveDatabaseUrl } from "@/lib/db/url";

const root = projectRoot();
const dev = process.argv.includes("--dev");
const host = process.env.HOST ?? "127.0.0.1";
const port = process.env.PORT ?? "3000";
const nextBin = path.join(root, "node_modules", ".bin", "next");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: resolveDatabaseUrl() };

const SOURCES = ["app", "components", "lib", "prompts", "public", "next.config.mjs", "package.json", "postcss.config.mjs", "tsconfig.json"];

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (child === "generated" || child === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = fs.statSync(path.join(root, ".next", "BUILD_ID"), { throwIfNoEntry: false });
  if (!buildId) return true;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > buildId.mtimeMs);
}

migrateDatabase(env.DATABASE_URL);
process.stderr.write(`alphaflow: database ready at ${env.DATABASE_URL}\n`);

if (!dev && buildIsStale()) {
  process.stderr.write("alphaflow: building the app (first start or sources changed)…\n");
  const build = spawnSync(nextBin, ["build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(nextBin, [dev ? "dev" : "start", "-H", host, "-p", port], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
