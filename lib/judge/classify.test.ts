import { describe, expect, it } from "vitest";
import { runVerdict } from "./classify";
import { cpp } from "./languages/cpp";
import { python3 } from "./languages/python3";
import { runLimits } from "./limits";
import type { RawRun } from "./sandbox/session";

const limits = runLimits(python3, 1000, 256);

function raw(patch: Partial<RawRun>): RawRun {
  return {
    status: "exited",
    exitCode: 0,
    signal: null,
    cpuMs: 10,
    wallMs: 12,
    maxrssKb: 9000,
    overflow: null,
    execErrno: null,
    stdout: Buffer.from(""),
    stderr: Buffer.from(""),
    ...patch,
  };
}

describe("runVerdict", () => {
  it("a clean exit within limits has no verdict of its own", () => {
    expect(runVerdict(raw({}), limits, 256, python3)).toBeNull();
  });

  it.each([
    ["output overflow", raw({ status: "ole", overflow: "stdout", signal: 9 }), "OLE"],
    ["wall-clock kill", raw({ status: "wall", signal: 9 }), "TLE"],
    ["SIGXCPU", raw({ status: "signaled", signal: 24, cpuMs: 1000 }), "TLE"],
    ["CPU over the limit on a clean exit", raw({ cpuMs: 1200 }), "TLE"],
    ["Python MemoryError", raw({ exitCode: 1, stderr: Buffer.from("Traceback...\nMemoryError\n") }), "MLE"],
    ["peak memory over the limit", raw({ maxrssKb: 300 * 1024 }), "MLE"],
    ["exec refused for lack of memory", raw({ exitCode: 127, execErrno: 12 }), "MLE"],
    ["segfault", raw({ status: "signaled", signal: 11 }), "RE"],
    ["non-zero exit", raw({ exitCode: 2 }), "RE"],
    ["file too large", raw({ status: "signaled", signal: 25 }), "RE"],
  ])("%s", (_, run, verdict) => {
    expect(runVerdict(run, limits, 256, python3)?.verdict).toBe(verdict);
  });

  it("C++ bad_alloc is MLE, abort without it is RE", () => {
    const cppLimits = runLimits(cpp, 1000, 256);
    const badAlloc = raw({ status: "signaled", signal: 6, stderr: Buffer.from("terminate called after throwing an instance of 'std::bad_alloc'") });
    expect(runVerdict(badAlloc, cppLimits, 256, cpp)?.verdict).toBe("MLE");
    expect(runVerdict(raw({ status: "signaled", signal: 6 }), cppLimits, 256, cpp)).toEqual({ verdict: "RE", message: "killed by SIGABRT" });
  });
});

describe("runLimits", () => {
  it("derives wall, address space and stack from the CPU and memory limits", () => {
    expect(limits.cpuMs).toBe(1000);
    expect(limits.wallMs).toBe(3000);
    expect(limits.asBytes).toBe((256 + python3.memorySlackMb) * 1024 * 1024);
    expect(limits.stackBytes).toBe(256 * 1024 * 1024);
    expect(runLimits(python3, 10_000, 256).wallMs).toBe(30_000);
  });
});
