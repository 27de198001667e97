// `npm start`: migrate the database, build when the sources are newer than the last build, then serve.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { migrateDatabase } from "@/lib/db/migrate";
import { projectRoot, resolveDatabaseUrl } from "@/lib/db/url";
import { buildState } from "./build-state";

const root = projectRoot();
const dev = process.argv.includes("--dev");
const host = process.env.HOST ?? "127.0.0.1";
const port = process.env.PORT ?? "3000";
const nextBin = path.join(root, "node_modules", ".bin", "next");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: resolveDatabaseUrl() };

migrateDatabase(env.DATABASE_URL);
process.stderr.write(`alphaflow: database ready at ${env.DATABASE_URL}\n`);

if (!dev && buildState(root) !== "fresh") {
  process.stderr.write("alphaflow: building the app (first start or sources changed)…\n");
  const build = spawnSync(nextBin, ["build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(nextBin, [dev ? "dev" : "start", "-H", host, "-p", port], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
