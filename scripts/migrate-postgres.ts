// Applies the Postgres migrations to DATABASE_URL (or argv[2]); migrateDatabase() runs it as a child process so
// that its callers can stay synchronous.
import path from "node:path";
import { applyPostgresMigrations } from "@/lib/db/postgres/apply-migrations";
import { projectRoot, prismaPaths } from "@/lib/db/url";

const url = process.argv[2] ?? process.env.DATABASE_URL;
if (!url) {
  process.stderr.write("usage: migrate-postgres <postgresql://…>\n");
  process.exit(2);
}
try {
  const applied = await applyPostgresMigrations(url, path.join(projectRoot(), prismaPaths("postgresql").migrations));
  for (const name of applied) process.stderr.write(`applied ${name}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
