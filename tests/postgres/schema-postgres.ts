import pg from "pg";
import { z } from "zod";
import { fingerprint, type SchemaFingerprint } from "./schema-fingerprint";

const Rows = <T extends z.ZodRawShape>(shape: T) => z.array(z.object(shape));
const Text = z.string();
const MaybeText = z.string().nullable();

// Catalog names are of type `name`; everything is cast to text so that any client reads them the same way.
const COLUMNS = `
  SELECT table_name::text AS "table", column_name::text AS "column", data_type::text AS type, udt_name::text AS udt,
         character_maximum_length::text AS length, datetime_precision::text AS precision,
         is_nullable::text AS nullable, column_default::text AS "default"
  FROM information_schema.columns
  WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'`;
const INDEXES = `
  SELECT tablename::text AS "table", indexname::text AS name, indexdef::text AS definition
  FROM pg_indexes
  WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
const CONSTRAINTS = `
  SELECT c.conrelid::regclass::text AS "table", c.conname::text AS name, c.contype::text AS kind,
         pg_get_constraintdef(c.oid)::text AS definition
  FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
  WHERE t.relnamespace = current_schema()::regnamespace AND t.relname <> '_prisma_migrations'`;
const SEQUENCES = `
  SELECT sequence_name::text AS name, data_type::text AS type
  FROM information_schema.sequences
  WHERE sequence_schema = current_schema() AND sequence_name NOT LIKE '\\_prisma%'`;

/** The structure of a Postgres database's current schema: columns, indexes, constraints and sequences. */
export async function postgresFingerprint(url: string): Promise<SchemaFingerprint> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const facts: string[] = [];
    const columns = Rows({ table: Text, column: Text, type: Text, udt: Text, length: MaybeText, precision: MaybeText, nullable: Text, default: MaybeText });
    for (const c of columns.parse((await client.query(COLUMNS)).rows)) {
      facts.push(`table ${c.table}`);
      const size = c.length ? `(${c.length})` : c.precision ? `(${c.precision})` : "";
      facts.push(`column ${c.table}.${c.column} ${c.type}/${c.udt}${size}${c.nullable === "NO" ? " not null" : ""} default ${c.default ?? "none"}`);
    }
    for (const i of Rows({ table: Text, name: Text, definition: Text }).parse((await client.query(INDEXES)).rows)) {
      facts.push(`index ${i.table} ${i.name}: ${i.definition}`);
    }
    for (const c of Rows({ table: Text, name: Text, kind: Text, definition: Text }).parse((await client.query(CONSTRAINTS)).rows)) {
      facts.push(`constraint ${c.table} ${c.name} ${c.kind}: ${c.definition}`);
    }
    for (const s of Rows({ name: Text, type: Text }).parse((await client.query(SEQUENCES)).rows)) {
      facts.push(`sequence ${s.name} ${s.type}`);
    }
    return fingerprint(facts);
  } finally {
    await client.end();
  }
}

/** Runs a whole SQL script (several statements) on the database, as a migration would be run. */
export async function executeScript(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
