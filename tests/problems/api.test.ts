import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProblemReply, extractDraftReply, getProblemReply, listProblemsReply, readJsonBody } from "@/lib/problems/api";
import { tempDatabase } from "../helpers/db";

const t = tempDatabase();
let id: string;

beforeAll(async () => {
  const reply = await createProblemReply(t.db, {
    name: "1500_A. Secret",
    description: "Echo.",
    public_tests: { input: ["visible\n"], output: ["visible\n"] },
    private_tests: { input: ["SECRET-PRIVATE\n"], output: ["x\n"] },
    generated_tests: { input: ["SECRET-GENERATED\n"], output: ["y\n"] },
    solutions: { language: [3], solution: ["SECRET-SOLUTION"] },
  });
  expect(reply.status).toBe(201);
  id = (reply.body as { id: string }).id;
});
afterAll(() => t.cleanup());

describe("problem API replies", () => {
  it("never returns hidden tests or solutions unless ?hidden=1, but always their counts", async () => {
    const plain = await getProblemReply(t.db, id, new URLSearchParams());
    expect(plain.status).toBe(200);
    const text = JSON.stringify(plain.body);
    expect(text).not.toMatch(/SECRET/);
    expect(plain.body).toMatchObject({ counts: { public: 1, private: 1, generated: 1 }, hiddenIncluded: false, publicTests: [{ input: "visible\n" }] });
    const hidden = await getProblemReply(t.db, id, new URLSearchParams("hidden=1"));
    expect(JSON.stringify(hidden.body)).toMatch(/SECRET-PRIVATE.*SECRET-GENERATED/s);
    expect(JSON.stringify(hidden.body)).toMatch(/SECRET-SOLUTION/);
    const list = await listProblemsReply(t.db, new URLSearchParams());
    expect(JSON.stringify(list.body)).not.toMatch(/SECRET/);
  });

  it("finds a problem by name and answers 404 for unknown ids", async () => {
    expect((await getProblemReply(t.db, "1500_A. Secret", new URLSearchParams())).status).toBe(200);
    expect(await getProblemReply(t.db, "nope", new URLSearchParams())).toEqual({ status: 404, body: { error: 'no problem with id or name "nope"' } });
  });

  it("lists with filters and rejects bad query parameters", async () => {
    const list = await listProblemsReply(t.db, new URLSearchParams("q=secret&page=1&pageSize=10"));
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    const bad = await listProblemsReply(t.db, new URLSearchParams("pageSize=5000"));
    expect(bad.status).toBe(400);
    expect((bad.body as { error: string }).error).toMatch(/pageSize/);
  });

  it("saves pasted problems idempotently, refuses a different one under a taken name, validates the body", async () => {
    const body = { name: "Pasted", description: "Add.", publicTests: [{ input: "1 2\n", output: "3\n" }], timeLimitMs: 1000 };
    const first = await createProblemReply(t.db, body);
    expect(first.status).toBe(201);
    const again = await createProblemReply(t.db, body);
    expect(again).toMatchObject({ status: 200, body: { id: (first.body as { id: string }).id, status: "unchanged" } });
    const conflict = await createProblemReply(t.db, { ...body, description: "Different." });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ existingId: (first.body as { id: string }).id });
    expect((await createProblemReply(t.db, { name: "x" })).status).toBe(400);
    expect((await createProblemReply(t.db, { name: "y", description: "d", publicTests: [{ input: 1 }] })).status).toBe(400);
    expect((await createProblemReply(t.db, "just a string")).status).toBe(400);
  });

  it("extracts a draft from {statement} and saves one straight from a statement", async () => {
    const statement = "Sum\n\nAdd two numbers.\n\nExample\n\nInput\n\n1 2\n\nOutput\n\n3\n";
    const draft = extractDraftReply({ statement });
    expect(draft).toMatchObject({ status: 200, body: { name: "Sum", publicTests: [{ input: "1 2\n", output: "3\n" }] } });
    expect(extractDraftReply({ statement: "" }).status).toBe(400);
    expect(extractDraftReply({}).status).toBe(400);
    const saved = await createProblemReply(t.db, { statement, name: "Sum from statement" });
    expect(saved.status).toBe(201);
    const stored = await getProblemReply(t.db, (saved.body as { id: string }).id, new URLSearchParams());
    expect(stored.body).toMatchObject({ name: "Sum from statement", publicTests: [{ input: "1 2\n", output: "3\n" }] });
  });

  it("reads JSON bodies with a size cap", async () => {
    const ok = await readJsonBody(new Request("http://x/", { method: "POST", body: '{"a":1}' }));
    expect(ok).toEqual({ ok: true, value: { a: 1 } });
    const bad = await readJsonBody(new Request("http://x/", { method: "POST", body: "{nope" }));
    expect(bad.ok || bad.reply.status).toBe(400);
    const big = await readJsonBody(new Request("http://x/", { method: "POST", body: "x".repeat(21 * 1024 * 1024) }));
    expect(big.ok || big.reply.status).toBe(413);
  });
});
