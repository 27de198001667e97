import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseProvider, prismaPaths, resolveDatabaseUrl } from "./lib/db/url";

// The CLI does not read .env when a config file exists, so the default URL is resolved here, once, to an
// absolute path that the schema's env("DATABASE_URL") and the adapter both see. The URL also picks the provider,
// whose schema and migrations are separate files (the provider is a literal in a Prisma schema).
process.env.DATABASE_URL = resolveDatabaseUrl();
const url = process.env.DATABASE_URL;
const provider = databaseProvider(url);
const paths = prismaPaths(provider);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: paths.schema,
  migrations: { path: paths.migrations },
  adapter: async () =>
    provider === "postgresql" ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url }),
});
