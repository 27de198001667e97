import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { missingShared, sharedFile } from "../helpers/shared-data";
import { deepmindRow, writeDeepmindParquet } from "./fixtures";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..", "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alphaflow-cli-"));
const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "cli.db")}` };
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function alphaflow(args: string[], extraEnv: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, "bin", "alphaflow.mjs"), ...args], {
      cwd: root,
      env: { ...env, ...extraEnv },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each run pays for tsx and `prisma migrate deploy`, so this file keeps to the few runs the contract needs.
describe("alphaflow import / problems", () => {
  it.skipIf(missingShared("codecontests/test.jsonl"))("imports test.jsonl (165 problems, 73 with hidden tests) and lists them", async () => {
    const file = sharedFile("codecontests/test.jsonl")!;
    const imported = await alphaflow(["import", file, "--json"]);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ total: 165, imported: 165, withHiddenTests: 73 });
    const listed = await alphaflow(["problems", "--json"]);
    const list = JSON.parse(listed.stdout);
    expect(list.total).toBe(165);
    expect(list.items).toHaveLength(165);
    expect(list.items[0]).toMatchObject({ name: "1575_A. Another Sorting Problem", split: "test", hiddenTestCount: 200 });
  });

  it("downloads hf:<dataset> from HF_ENDPOINT with plain progress lines when not on a terminal", async () => {
    const shard = path.join(dir, "test-00000-of-00001.parquet");
    writeDeepmindParquet(shard, [deepmindRow(900), deepmindRow(901)]);
    const server = http.createServer((request, response) => {
      if (request.url!.startsWith("/api/datasets/deepmind/code_contests/tree/main")) {
        response.end(JSON.stringify([{ type: "file", path: "data/test-00000-of-00001.parquet", size: fs.statSync(shard).size }]));
      } else if (request.url === "/datasets/deepmind/code_contests/resolve/main/data/test-00000-of-00001.parquet") {
        response.writeHead(200, { "content-length": String(fs.statSync(shard).size) });
        fs.createReadStream(shard).pipe(response);
      } else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const result = await alphaflow(["import", "hf:deepmind/code_contests", "--split", "test", "--json"], { HF_ENDPOINT: endpoint });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ total: 2, imported: 2 });
      expect(result.stderr).toContain(`downloading deepmind/code_contests from ${endpoint}`);
      expect(result.stderr).toMatch(/data\/test-00000-of-00001\.parquet: 100%/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("answers bad input with a one-line reason and a non-zero exit", async () => {
    const badSplit = await alphaflow(["import", "x.jsonl", "--split", "nope"]);
    expect(badSplit.code).toBe(2);
    expect(badSplit.stderr.trim()).toBe("alphaflow: --split must be train, valid or test");
    const missing = await alphaflow(["import", path.join(dir, "missing.jsonl")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/import failed, nothing was stored: .*missing\.jsonl: no such file or folder/);
  });
});
