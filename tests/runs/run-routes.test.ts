import { afterAll, describe, expect, it } from "vitest";
import { tempDatabase } from "../helpers/db";

const t = tempDatabase();
process.env.DATABASE_URL = t.url;
afterAll(() => t.cleanup());

const detailRoute = await import("@/app/api/runs/[id]/route");
const cancelRoute = await import("@/app/api/runs/[id]/cancel/route");
const listRoute = await import("@/app/api/runs/route");
const { createRunReply } = await import("@/lib/runs/http/run-replies");
const { appendEvent } = await import("@/lib/runs/event-store");
const { waitForRun } = await import("@/lib/runs/executor");
const { runFinished } = await import("./fixtures");

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (body: unknown) =>
  new Request("http://localhost/api/runs", { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) });
const problem = { name: "Sum", description: "Print a+b.", public_tests: { input: ["1 2\n"], output: ["3\n"] } };
const wiring = (execute: (runId: string) => Promise<void>) => ({
  execute,
  defaults: async () => ({ model: "default-model", provider: "mock" }),
  validateConfig: (config: Record<string, unknown>) => {
    if ("bogus" in config) throw new Error('unknown key "bogus"');
  },
});

describe("run routes", () => {
  it("POST creates a run with the server defaults, starts it and answers 201 {runId}", async () => {
    const executed: string[] = [];
    const response = await createRunReply(t.db, post({ problem, language: "cpp" }), wiring(async (runId) => {
      executed.push(runId);
      await appendEvent(t.db, runId, runFinished());
    }));
    expect(response.status).toBe(201);
    const { runId } = await response.json();
    await waitForRun(runId);
    expect(executed).toEqual([runId]);
    const detail = await detailRoute.GET(new Request(`http://localhost/api/runs/${runId}`), params(runId));
    expect(detail.status).toBe(200);
    expect(await detail.json()).toMatchObject({ id: runId, model: "default-model", language: "cpp", status: "succeeded", config: { language: "cpp" } });
  });

  it("POST answers 400 with a readable reason for bad JSON, unknown keys, a bad config or no problem", async () => {
    const noop = wiring(async () => {});
    const cases: [unknown, RegExp][] = [
      ["{not json", /not valid JSON/],
      [{ problem, colour: "red" }, /colour/],
      [{ problem, config: { bogus: 1 } }, /config: unknown key "bogus"/],
      [{ model: "m" }, /exactly one of problemId and problem/],
    ];
    for (const [body, reason] of cases) {
      const response = await createRunReply(t.db, post(body), noop);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatch(reason);
    }
  });

  it("GET /api/runs/{id} answers 404 with a JSON error for an unknown id", async () => {
    const response = await detailRoute.GET(new Request("http://localhost/api/runs/nope"), params("nope"));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "run not found: nope" });
  });

  it("GET /api/runs lists with filters and rejects a bad one", async () => {
    const ok = await listRoute.GET(new Request("http://localhost/api/runs?model=default-model&status=succeeded"));
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.total).toBeGreaterThanOrEqual(1);
    expect(body.runs.every((r: { model: string }) => r.model === "default-model")).toBe(true);
    const bad = await listRoute.GET(new Request("http://localhost/api/runs?page=0"));
    expect(bad.status).toBe(400);
  });

  it("POST /api/runs/{id}/cancel cancels a queued run, then answers 409; 404 for unknown ids", async () => {
    const created = await createRunReply(t.db, post({ problem }), wiring(async () => {}));
    const { runId } = await created.json();
    await waitForRun(runId);
    const { id: queuedId } = await t.db.run.create({
      data: { problemId: (await t.db.run.findUniqueOrThrow({ where: { id: runId } })).problemId, provider: "mock", model: "m", config: {} },
    });
    const first = await cancelRoute.POST(new Request("http://localhost", { method: "POST" }), params(queuedId));
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ runId: queuedId, outcome: "cancelled" });
    expect((await cancelRoute.POST(new Request("http://localhost", { method: "POST" }), params(queuedId))).status).toBe(409);
    expect((await cancelRoute.POST(new Request("http://localhost", { method: "POST" }), params("nope"))).status).toBe(404);
  });
});
