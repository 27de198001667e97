import { describe, expect, it } from "vitest";
import { isLoopbackAddress, sandboxAccess } from "./access";

const headers = (h: Record<string, string>) => new Headers(h);

describe("sandboxAccess", () => {
  it("recognises loopback addresses", () => {
    for (const a of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "::ffff:127.0.0.1", "localhost"]) expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ["10.0.0.1", "0.0.0.0", "::", "203.0.113.9", "127.example.com"]) expect(isLoopbackAddress(a)).toBe(false);
  });

  it("lets loopback clients of a loopback-bound server in", () => {
    expect(sandboxAccess(headers({ "x-forwarded-for": "::1" }), {})).toEqual({ ok: true });
  });

  it("refuses a proxied remote client", () => {
    expect(sandboxAccess(headers({ "x-forwarded-for": "203.0.113.9, 127.0.0.1" }), {}).ok).toBe(false);
  });

  it("accepts only the exact token", () => {
    const env = { ALPHAFLOW_ACCESS_TOKEN: "tok", HOST: "0.0.0.0" };
    expect(sandboxAccess(headers({ authorization: "Bearer tok" }), env)).toEqual({ ok: true });
    expect(sandboxAccess(headers({ authorization: "Bearer tok2" }), env)).toMatchObject({ ok: false, status: 401 });
    expect(sandboxAccess(headers({}), env)).toMatchObject({ ok: false, status: 403 });
  });
});
