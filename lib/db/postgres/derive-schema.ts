/**
 * Prisma's datasource provider is a literal, so Postgres needs its own schema file. It is derived from the SQLite
 * schema (the one developers edit) by changing only the provider and the generated client's folder; a test checks
 * that the committed copy equals this derivation, so the two can never drift.
 */
export const POSTGRES_SCHEMA_HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:postgres-schema`: edit that file, then regenerate.\n";

export function derivePostgresSchema(sqliteSchema: string): string {
  const provider = /(datasource db \{[^}]*provider\s*=\s*)"sqlite"/;
  const output = /(generator client \{[^}]*output\s*=\s*)"\.\.\/lib\/db\/generated"/;
  if (!provider.test(sqliteSchema)) throw new Error('prisma/schema.prisma: datasource db must have provider = "sqlite"');
  if (!output.test(sqliteSchema)) throw new Error('prisma/schema.prisma: generator client must have output = "../lib/db/generated"');
  return (
    POSTGRES_SCHEMA_HEADER +
    sqliteSchema.replace(provider, '$1"postgresql"').replace(output, '$1"../../lib/db/generated-pg"')
  );
}
