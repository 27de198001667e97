import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";

/** A fresh, migrated SQLite database in a temp folder: integration tests use the real database, never a fake. */
export function tempDatabase(): { db: Db; url: string; dir: string; cleanup: () => Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alphaflow-db-"));
  const url = `file:${path.join(dir, "test.db")}`;
  migrateDatabase(url);
  const db = createDb(url);
  return {
    db,
    url,
    dir,
    cleanup: async () => {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
