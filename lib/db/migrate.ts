import { execFileSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { projectRoot, resolveDatabaseUrl } from "./url";

/**
 * Applies the committed migrations (prisma migrate deploy, on the WebAssembly engine) and turns on WAL,
 * which is a property of the database file and so only needs setting once.
 */
export function migrateDatabase(url = resolveDatabaseUrl()): void {
  const root = projectRoot();
  const prismaBin = path.join(root, "node_modules", ".bin", "prisma");
  execFileSync(prismaBin, ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const sqlite = new Database(url.slice("file:".length));
  try {
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}
