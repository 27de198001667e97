import Database from "better-sqlite3";
import { z } from "zod";
import { fingerprint, type SchemaFingerprint } from "./schema-fingerprint";

const Name = z.array(z.object({ name: z.string() }));
const Column = z.array(
  z.object({ name: z.string(), type: z.string(), notnull: z.number(), dflt_value: z.string().nullable(), pk: z.number() }),
);
const Index = z.array(z.object({ name: z.string(), unique: z.number(), origin: z.string(), partial: z.number() }));
const IndexColumn = z.array(z.object({ seqno: z.number(), name: z.string().nullable() }));
const ForeignKey = z.array(
  z.object({ id: z.number(), seq: z.number(), table: z.string(), from: z.string(), to: z.string().nullable(), on_update: z.string(), on_delete: z.string() }),
);

/** The structure of a SQLite file: tables, columns, indexes and foreign keys, without Prisma's bookkeeping table. */
export function sqliteFingerprint(file: string): SchemaFingerprint {
  const db = new Database(file, { readonly: true });
  try {
    const facts: string[] = [];
    const tables = Name.parse(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'").all(),
    );
    for (const { name: table } of tables) {
      const quoted = `"${table.replace(/"/g, '""')}"`;
      facts.push(`table ${table}`);
      for (const c of Column.parse(db.prepare(`PRAGMA table_info(${quoted})`).all())) {
        facts.push(`column ${table}.${c.name} ${c.type}${c.notnull ? " not null" : ""} default ${c.dflt_value ?? "none"} pk ${c.pk}`);
      }
      for (const index of Index.parse(db.prepare(`PRAGMA index_list(${quoted})`).all())) {
        const columns = IndexColumn.parse(db.prepare(`PRAGMA index_info("${index.name.replace(/"/g, '""')}")`).all())
          .sort((a, b) => a.seqno - b.seqno)
          .map((col) => col.name ?? "<expression>");
        // Implicit indexes (primary key, UNIQUE in the column list) are named by SQLite after the table's history.
        const name = index.origin === "c" ? index.name : `<${index.origin}>`;
        facts.push(`index ${table} ${name}${index.unique ? " unique" : ""}${index.partial ? " partial" : ""} (${columns.join(", ")})`);
      }
      const keys = new Map<number, z.infer<typeof ForeignKey>>();
      for (const key of ForeignKey.parse(db.prepare(`PRAGMA foreign_key_list(${quoted})`).all())) {
        keys.set(key.id, [...(keys.get(key.id) ?? []), key]);
      }
      for (const parts of keys.values()) {
        parts.sort((a, b) => a.seq - b.seq);
        const from = parts.map((p) => p.from).join(", ");
        const to = parts.map((p) => p.to ?? "<primary key>").join(", ");
        facts.push(`foreign key ${table}(${from}) -> ${parts[0].table}(${to}) on update ${parts[0].on_update} on delete ${parts[0].on_delete}`);
      }
    }
    return fingerprint(facts);
  } finally {
    db.close();
  }
}
