import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { createDatabase } from "../../scripts/postgres-cluster";

/** Why Postgres suites skip on this machine, or null when the test cluster is up. */
export function missingPostgres(): string | null {
  const reason = inject("postgresMissing");
  if (reason) process.stdout.write(`skipped: ${reason}\n`);
  return reason;
}

/** A fresh, migrated database on the test cluster: integration tests use a real Postgres, never a fake. */
export async function tempPostgresDatabase(): Promise<{ db: Db; url: string; cleanup: () => Promise<void> }> {
  const clusterUrl = inject("postgresUrl");
  if (!clusterUrl) throw new Error("no PostgreSQL test cluster (check missingPostgres() first)");
  const url = await createDatabase(clusterUrl, `t_${randomUUID().replace(/-/g, "").slice(0, 16)}`);
  migrateDatabase(url);
  const db = createDb(url);
  return { db, url, cleanup: () => db.$disconnect() };
}
