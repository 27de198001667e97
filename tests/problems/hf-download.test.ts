import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import yazl from "yazl";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DownloadProgress } from "@/lib/problems/hf-hub";
import { importHfDataset } from "@/lib/problems/hf-import";
import { getProblem } from "@/lib/problems/repository";
import { tempDatabase } from "../helpers/db";
import { deepmindRow, processedRow, writeDeepmindParquet, writeSaveToDisk } from "./fixtures";

const t = tempDatabase();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alphaflow-hf-test-"));
const TALRID = "talrid/CodeContests_valid_and_test_AlphaCodium";
const DEEPMIND = "deepmind/code_contests";
const GATED = "someone/gated";
const TOKEN = "test-token";

/** dataset id → (repo path → local file) */
const repos = new Map<string, Map<string, string>>();
const requests: string[] = [];
let server: http.Server;
let endpoint: string;

function addFile(repo: string, repoPath: string, local: string) {
  if (!repos.has(repo)) repos.set(repo, new Map());
  repos.get(repo)!.set(repoPath, local);
}

async function zipFolder(folder: string, into: string, out: string): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const name of fs.readdirSync(folder, { recursive: true, encoding: "utf8" }) as string[]) {
    const full = path.join(folder, name);
    if (fs.statSync(full).isFile()) zip.addFile(full, `${into}/${name.split(path.sep).join("/")}`);
  }
  zip.end();
  await new Promise<void>((resolve, reject) => zip.outputStream.pipe(fs.createWriteStream(out)).on("close", resolve).on("error", reject));
}

/** Enough of the hub's API: a paged recursive tree listing and resolve/ downloads behind a CDN redirect. */
function hub(request: http.IncomingMessage, response: http.ServerResponse) {
  const url = new URL(request.url!, "http://localhost");
  requests.push(url.pathname);
  const tree = /^\/api\/datasets\/(.+)\/tree\/main$/.exec(url.pathname);
  const resolve = /^\/datasets\/([^/]+\/[^/]+)\/resolve\/main\/(.+)$/.exec(url.pathname);
  const repoOf = (id: string) => {
    if (id === GATED && request.headers.authorization !== `Bearer ${TOKEN}`) {
      response.writeHead(401).end("unauthorized");
      return null;
    }
    const files = repos.get(id);
    if (!files) response.writeHead(404).end("not found");
    return files ?? null;
  };
  if (tree && url.searchParams.get("recursive") === "true") {
    const files = repoOf(tree[1]);
    if (!files) return;
    const entries = [...files].map(([p, local]) => ({ type: "file", path: p, size: fs.statSync(local).size, oid: "x" }));
    const dirs = [...new Set([...files.keys()].filter((p) => p.includes("/")).map((p) => p.split("/")[0]))].map((p) => ({ type: "directory", path: p }));
    const all = [...dirs, ...entries];
    const page = Number(url.searchParams.get("cursor") ?? 0);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (page === 0 && all.length > 2) headers.link = `<${endpoint}${url.pathname}?recursive=true&cursor=1>; rel="next"`;
    response.writeHead(200, headers).end(JSON.stringify(page === 0 && all.length > 2 ? all.slice(0, 2) : all.slice(page === 0 ? 0 : 2)));
    return;
  }
  if (resolve) {
    const files = repoOf(resolve[1]);
    if (!files) return;
    const local = files.get(decodeURIComponent(resolve[2]));
    if (!local) return void response.writeHead(404).end("no such file");
    response.writeHead(302, { location: `/cdn/${encodeURIComponent(local)}` }).end();
    return;
  }
  const cdn = /^\/cdn\/(.+)$/.exec(url.pathname);
  if (cdn) {
    const local = decodeURIComponent(cdn[1]);
    response.writeHead(200, { "content-length": String(fs.statSync(local).size) });
    fs.createReadStream(local).pipe(response);
    return;
  }
  response.writeHead(404).end("unknown route");
}

beforeAll(async () => {
  const processed = path.join(dir, "build", "valid_and_test_processed");
  writeSaveToDisk(processed, { valid: [[processedRow(0), processedRow(1)]], test: [[processedRow(2), processedRow(3), processedRow(4)]] });
  const zip = path.join(dir, "codecontests_valid_and_test_processed_alpha_codium.zip");
  await zipFolder(processed, "valid_and_test_processed", zip);
  addFile(TALRID, "codecontests_valid_and_test_processed_alpha_codium.zip", zip);
  const readme = path.join(dir, "README.md");
  fs.writeFileSync(readme, "# fixture");
  addFile(TALRID, "README.md", readme);

  for (const [name, rows] of [
    ["test-00000-of-00001-aaaa.parquet", [deepmindRow(20), deepmindRow(21)]],
    ["valid-00000-of-00001-bbbb.parquet", [deepmindRow(22)]],
    ["train-00000-of-00002-cccc.parquet", [deepmindRow(23)]],
    ["train-00001-of-00002-dddd.parquet", [deepmindRow(24)]],
  ] as const) {
    const local = path.join(dir, name);
    writeDeepmindParquet(local, [...rows]);
    addFile(DEEPMIND, `data/${name}`, local);
  }
  addFile(DEEPMIND, "README.md", readme);
  addFile(GATED, "data/test-00000-of-00001.parquet", path.join(dir, "valid-00000-of-00001-bbbb.parquet"));

  server = http.createServer(hub);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  requests.length = 0;
  await t.db.problem.deleteMany();
});

describe("alphaflow import hf:<dataset> against a local hub", () => {
  it("downloads AlphaCodium's zipped save_to_disk folder, reporting progress, and imports both splits", async () => {
    const progress: DownloadProgress[] = [];
    const summary = await importHfDataset(t.db, TALRID, { endpoint, onDownload: (p) => progress.push(p) });
    expect(summary).toMatchObject({ total: 5, imported: 5, withHiddenTests: 5 });
    expect(await t.db.problem.count({ where: { split: "test" } })).toBe(3);
    const last = progress.at(-1)!;
    expect(last.file).toBe("codecontests_valid_and_test_processed_alpha_codium.zip");
    expect(last.received).toBe(last.total);
    expect(requests).not.toContain(`/datasets/${TALRID}/resolve/main/README.md`);
  });

  it("imports one split of the zip with --split", async () => {
    expect((await importHfDataset(t.db, TALRID, { endpoint, split: "valid" })).total).toBe(2);
  });

  it("downloads only the parquet shards of the asked split of deepmind/code_contests, following listing pages", async () => {
    const summary = await importHfDataset(t.db, DEEPMIND, { endpoint, split: "test" });
    expect(summary.total).toBe(2);
    const downloads = requests.filter((r) => r.includes("/resolve/"));
    expect(downloads).toEqual([`/datasets/${DEEPMIND}/resolve/main/data/test-00000-of-00001-aaaa.parquet`]);
    expect(requests.filter((r) => r.includes("/tree/"))).toHaveLength(2);
    expect((await getProblem(t.db, deepmindRow(21).name))!.indexInSplit).toBe(1);
  });

  it("imports every shard without --split, numbering train across its two shards", async () => {
    expect((await importHfDataset(t.db, DEEPMIND, { endpoint })).total).toBe(5);
    expect((await getProblem(t.db, deepmindRow(24).name))!).toMatchObject({ split: "train", indexInSplit: 1 });
  });

  it("says what is wrong: unknown dataset, gated dataset, bad spec, unreachable endpoint", async () => {
    await expect(importHfDataset(t.db, "nobody/nothing", { endpoint })).rejects.toThrow(/hf:nobody\/nothing: .*HTTP 404 — no such dataset/);
    await expect(importHfDataset(t.db, GATED, { endpoint })).rejects.toThrow(/HTTP 401 — the dataset may be gated or private: set HF_TOKEN/);
    expect((await importHfDataset(t.db, GATED, { endpoint, token: TOKEN })).total).toBe(1);
    await expect(importHfDataset(t.db, "not a/valid/id", { endpoint })).rejects.toThrow(/expected hf:<owner>\/<dataset>/);
    await expect(importHfDataset(t.db, DEEPMIND, { endpoint: "http://127.0.0.1:9" })).rejects.toThrow(/cannot reach http:\/\/127\.0\.0\.1:9/);
    await expect(importHfDataset(t.db, DEEPMIND, { endpoint, split: "nosuch" })).rejects.toThrow(/no problem files for split "nosuch"/);
  });
});
