import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_API_KEY } from "./support/secrets";

const STATIC_DIR = path.resolve(import.meta.dirname, "..", ".next", "static");

// Markers of code that must stay on the server: the database driver, Prisma's client, process spawning, the key.
const FORBIDDEN = [E2E_API_KEY, "better-sqlite3", "PrismaBetterSQLite3", "node:child_process", "OPENAI_API_KEY", "--die-with-parent"];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : [full];
  });
}

test("the client bundle carries no API key and no server-only module", () => {
  const scripts = files(STATIC_DIR).filter((file) => file.endsWith(".js"));
  expect(scripts.length).toBeGreaterThan(0);
  for (const file of scripts) {
    const text = fs.readFileSync(file, "utf8");
    for (const marker of FORBIDDEN) expect(text.includes(marker), `${marker} in ${path.relative(STATIC_DIR, file)}`).toBe(false);
  }
});

test("pages served to the browser never contain the API key", async ({ request }) => {
  for (const page of ["/", "/problems", "/settings", "/runs", "/sandbox"]) {
    const response = await request.get(page);
    expect(await response.text()).not.toContain(E2E_API_KEY);
  }
});
