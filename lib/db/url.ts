import fs from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/alphaflow.db";

export type DatabaseProvider = "sqlite" | "postgresql";

/** `file:` selects the embedded SQLite database; `postgres://` or `postgresql://` selects a shared Postgres. */
export function databaseProvider(url: string): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must be a SQLite file: URL or a postgresql:// URL (got "${url.split(":")[0]}:…")`);
}

/**
 * The adapter resolves relative SQLite paths against the process cwd while the schema would resolve them against
 * prisma/, so every relative SQLite URL is made absolute against the project root once, here. Postgres URLs are
 * taken as they are.
 */
export function resolveDatabaseUrl(raw = process.env.DATABASE_URL, root = projectRoot()): string {
  const url = raw && raw.trim() !== "" ? raw.trim() : DEFAULT_DATABASE_URL;
  if (databaseProvider(url) === "postgresql") return url;
  const file = url.slice("file:".length);
  const absolute = path.isAbsolute(file) ? file : path.resolve(root, file);
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  return `file:${absolute}`;
}

/** Where each provider's schema and migrations live: Postgres keeps its own, derived from the SQLite schema. */
export function prismaPaths(provider: DatabaseProvider): { schema: string; migrations: string } {
  const base = provider === "sqlite" ? "prisma" : path.join("prisma", "postgres");
  return { schema: path.join(base, "schema.prisma"), migrations: path.join(base, "migrations") };
}

/** The folder that holds package.json: the CLI and the server may be started from anywhere. */
export function projectRoot(): string {
  if (process.env.ALPHAFLOW_ROOT) return process.env.ALPHAFLOW_ROOT;
  let dir = process.cwd();
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && fs.readFileSync(pkg, "utf8").includes('"name": "alphaflow"')) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
