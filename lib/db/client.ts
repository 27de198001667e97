import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { PrismaClient as PostgresPrismaClient } from "./generated-pg/client";
import { databaseProvider, resolveDatabaseUrl, type DatabaseProvider } from "./url";

/**
 * Both generated clients come from the same models (prisma/postgres/schema.prisma is derived from the SQLite
 * schema, and a test keeps them equal), so the domain code types against one of them.
 */
export type Db = PrismaClient;

const BUSY_TIMEOUT_MS = 10_000;
const POOL_SIZE = 10;

/**
 * A client on the given (or configured) URL: SQLite (the embedded default; pages read while the run engine writes,
 * hence the busy timeout) or a shared Postgres.
 */
export function createDb(url = resolveDatabaseUrl()): Db {
  const provider = databaseProvider(url);
  const client =
    provider === "postgresql"
      ? (new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url, max: POOL_SIZE }) }) as unknown as Db)
      : new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS }) });
  // On the client itself, not in a module-level map: Next.js may load this module once per route bundle.
  Object.defineProperty(client, URL_KEY, { value: url, enumerable: false });
  return client;
}

const URL_KEY = Symbol.for("alphaflow.db.url");

/** The URL a top-level client was created with (for the connections Prisma cannot make: LISTEN, job queues). */
export function urlOf(db: Db): string | null {
  return (db as unknown as { [URL_KEY]?: string })[URL_KEY] ?? null;
}

/** Which database a client talks to, for the few statements that differ (raw SQL, JSON paths, case folding). */
export function providerOf(db: Db | DbTransaction): DatabaseProvider {
  // Transaction clients carry it too, which a lookup keyed by the top-level client would miss.
  return (db as unknown as { _activeProvider: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

/** The client handed to `$transaction(async (tx) => …)`. */
export type DbTransaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { alphaflowDb?: Db };

/** The process-wide client (one per process, survives Next.js dev reloads). */
export function db(): Db {
  globalForDb.alphaflowDb ??= createDb();
  return globalForDb.alphaflowDb;
}
