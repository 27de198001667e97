import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { resolveDatabaseUrl } from "./url";

export type Db = PrismaClient;

const BUSY_TIMEOUT_MS = 10_000;

/** A client on the given (or configured) SQLite URL. Pages read while the run engine writes, hence the busy timeout. */
export function createDb(url = resolveDatabaseUrl()): Db {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS }) });
}

const globalForDb = globalThis as unknown as { alphaflowDb?: Db };

/** The process-wide client (one per process, survives Next.js dev reloads). */
export function db(): Db {
  globalForDb.alphaflowDb ??= createDb();
  return globalForDb.alphaflowDb;
}
