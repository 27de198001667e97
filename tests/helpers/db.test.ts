import { afterAll, expect, it } from "vitest";
import { tempDatabase } from "./db";

const t = tempDatabase();
afterAll(() => t.cleanup());

it("migrates a fresh database and runs it in WAL mode", async () => {
  const mode = await t.db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
  expect(mode[0].journal_mode).toBe("wal");
  await t.db.problem.create({ data: { name: "p", description: "d", tags: [], contentHash: "h" } });
  expect(await t.db.problem.count()).toBe(1);
});
