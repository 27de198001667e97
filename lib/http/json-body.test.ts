import { describe, expect, it } from "vitest";
import { readJsonBody } from "./json-body";

const post = (body: string, headers: Record<string, string> = {}) => new Request("http://x/", { method: "POST", body, headers });

describe("readJsonBody", () => {
  it("reads JSON", async () => {
    expect(await readJsonBody(post('{"a":1}'))).toEqual({ ok: true, value: { a: 1 } });
  });
  it("answers malformed JSON with 400 and the parser's reason", async () => {
    const body = await readJsonBody(post("{not json"));
    expect(body).toMatchObject({ ok: false, status: 400 });
    expect(!body.ok && body.error).toMatch(/not valid JSON \(/);
  });
  it("requires a body unless empty is allowed", async () => {
    expect(await readJsonBody(post(""))).toMatchObject({ ok: false, status: 400, error: "a JSON body is required" });
    expect(await readJsonBody(post("  "), { allowEmpty: true })).toEqual({ ok: true, value: {} });
  });
  it("refuses bodies over the cap with 413, by declared and by actual length", async () => {
    expect(await readJsonBody(post("{}", { "content-length": "999" }), { maxBytes: 10 })).toMatchObject({ ok: false, status: 413 });
    expect(await readJsonBody(post(JSON.stringify({ long: "x".repeat(20) })), { maxBytes: 10 })).toMatchObject({ ok: false, status: 413 });
  });
});
