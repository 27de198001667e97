import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseProvider, projectRoot, resolveDatabaseUrl } from "./url";

function deploy(root: string, url: string): void {
  execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function migrationNames(root: string): string[] {
  const dir = path.join(root, "prisma", "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

/** Migrations not yet applied, read straight from Prisma's bookkeeping table. */
function pendingMigrations(file: string, root: string): string[] {
  const all = migrationNames(root);
  if (!fs.existsSync(file)) return all;
  const sqlite = new Database(file, { readonly: true, timeout: 10_000 });
  try {
    const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return all;
    const rows = sqlite
      .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
      .all() as { migration_name: string }[];
    const applied = new Set(rows.map((row) => row.migration_name));
    return all.filter((name) => !applied.has(name));
  } finally {
    sqlite.close();
  }
}

/**
 * Applies the committed migrations (prisma migrate deploy, on the WebAssembly engine) when any is pending.
 * On SQLite it checks first and turns on WAL: the schema engine cannot take the file while another process (the
 * web server, a running CLI) holds it open, and most starts have nothing to apply. Postgres migrations are
 * applied by lib/db/postgres/apply-migrations.ts (see there why), in a child process so this stays synchronous.
 */
export function migrateDatabase(url = resolveDatabaseUrl()): void {
  const root = projectRoot();
  if (databaseProvider(url) === "postgresql") {
    execFileSync(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "scripts", "migrate-postgres.ts"), url], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    return;
  }
  const file = url.slice("file:".length);
  if (pendingMigrations(file, root).length > 0) deploy(root, url);
  const sqlite = new Database(file, { timeout: 10_000 });
  try {
    if (sqlite.pragma("journal_mode", { simple: true }) !== "wal") sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}
