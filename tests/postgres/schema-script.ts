import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * The SQL that builds `schemaPath` from nothing, as Prisma would write a first migration for it. Only the
 * schema-to-schema forms of `migrate diff` work with driver adapters, which is all this needs. DATABASE_URL points
 * at a throwaway SQLite path so that loading prisma.config.ts touches nothing real.
 */
export async function fromEmptyScript(root: string, schemaPath: string): Promise<string> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "alphaflow-diff-"));
  try {
    const { stdout } = await run(
      path.join(root, "node_modules", ".bin", "prisma"),
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schemaPath, "--script"],
      { cwd: root, env: { ...process.env, DATABASE_URL: `file:${path.join(scratch, "unused.db")}` }, maxBuffer: 16 * 1024 * 1024 },
    );
    return stdout;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
