import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { derivePostgresSchema } from "@/lib/db/postgres/derive-schema";
import { tempDatabase } from "@/tests/helpers/db";
import { missingPostgres, tempPostgresDatabase } from "@/tests/helpers/postgres";
import { createDatabase } from "../../scripts/postgres-cluster";
import { schemaDrift, type SchemaFingerprint } from "./schema-fingerprint";
import { executeScript, postgresFingerprint } from "./schema-postgres";
import { fromEmptyScript } from "./schema-script";
import { sqliteFingerprint } from "./schema-sqlite";

const root = path.resolve(import.meta.dirname, "../..");
const sqliteSchemaPath = path.join(root, "prisma", "schema.prisma");
const postgresSchemaPath = path.join(root, "prisma", "postgres", "schema.prisma");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "alphaflow-drift-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A SQLite file built by running `sql` on nothing, as a from-scratch migration would. */
function sqliteFromScript(sql: string): string {
  const file = path.join(scratch, `${randomUUID()}.db`);
  const db = new Database(file);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
  return file;
}

// Each `prisma migrate diff` takes seconds, so all of them start at once and the suites await what they need.
const scripts: Partial<Record<"sqlite" | "sqliteWithProbe" | "postgres", Promise<string>>> = {};
function script(name: keyof typeof scripts, schemaPath: () => string): Promise<string> {
  return (scripts[name] ??= fromEmptyScript(root, schemaPath()));
}
/** The committed SQLite schema with one more column in a model: a model change that has no migration yet. */
function schemaWithProbeColumn(): string {
  const source = fs.readFileSync(sqliteSchemaPath, "utf8");
  const changed = source.replace(/^model Setting \{\n/m, "model Setting {\n  driftProbe String?\n");
  if (changed === source) throw new Error("prisma/schema.prisma has no model Setting to add a probe column to");
  const file = path.join(scratch, "schema-with-probe.prisma");
  fs.writeFileSync(file, changed);
  return file;
}
beforeAll(() => {
  for (const pending of [
    script("sqlite", () => sqliteSchemaPath),
    script("sqliteWithProbe", schemaWithProbeColumn),
    ...(inject("postgresUrl") ? [script("postgres", () => postgresSchemaPath)] : []),
  ]) {
    // Awaited by the suites; this only keeps a failure from being reported as unhandled before then.
    pending.catch(() => undefined);
  }
});

describe("the Postgres schema", () => {
  it("is the committed derivation of prisma/schema.prisma (run `npm run db:postgres-schema` after a model change)", () => {
    const derived = derivePostgresSchema(fs.readFileSync(sqliteSchemaPath, "utf8"));
    expect(fs.readFileSync(postgresSchemaPath, "utf8")).toBe(derived);
  });
});

describe("SQLite: the committed migrations build what prisma/schema.prisma describes", () => {
  let migrated: SchemaFingerprint;
  beforeAll(async () => {
    const database = tempDatabase();
    try {
      migrated = sqliteFingerprint(database.url.slice("file:".length));
    } finally {
      await database.cleanup();
    }
  });

  it("has the same tables, columns, indexes and foreign keys either way", async () => {
    const fromSchema = sqliteFingerprint(sqliteFromScript(await script("sqlite", () => sqliteSchemaPath)));
    expect(migrated.length).toBeGreaterThan(100);
    expect(schemaDrift(migrated, fromSchema)).toEqual([]);
  });

  it("reports a model changed without a migration", async () => {
    const fromChanged = sqliteFingerprint(sqliteFromScript(await script("sqliteWithProbe", schemaWithProbeColumn)));
    expect(schemaDrift(migrated, fromChanged)).toEqual(["+ column Setting.driftProbe TEXT default none pk 0"]);
  });
});

describe.skipIf(missingPostgres())("Postgres: the committed migrations build what prisma/postgres/schema.prisma describes", () => {
  let migrated: SchemaFingerprint;
  let fromSchemaUrl: string;
  beforeAll(async () => {
    const database = await tempPostgresDatabase();
    try {
      migrated = await postgresFingerprint(database.url);
    } finally {
      await database.cleanup();
    }
    fromSchemaUrl = await createDatabase(inject("postgresUrl")!, `drift_${randomUUID().replace(/-/g, "").slice(0, 16)}`);
    await executeScript(fromSchemaUrl, await script("postgres", () => postgresSchemaPath));
  });

  it("has the same columns, indexes, constraints and sequences either way", async () => {
    expect(migrated.length).toBeGreaterThan(100);
    expect(schemaDrift(migrated, await postgresFingerprint(fromSchemaUrl))).toEqual([]);
  });

  it("reports a column the migrations do not create", async () => {
    await executeScript(fromSchemaUrl, `ALTER TABLE "Setting" ADD COLUMN "driftProbe" TEXT`);
    expect(schemaDrift(migrated, await postgresFingerprint(fromSchemaUrl))).toEqual(["+ column Setting.driftProbe text/text default none"]);
  });
});
