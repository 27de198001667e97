import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { judge, type JudgeRequestInput, type TestRunResult, type Verdict } from "@/lib/judge";
import { findBwrap } from "@/lib/judge/sandbox/mode";

/** A uid no other judge on this machine uses, so "nothing left running" can be checked by uid. */
const HOSTILE_UID = 64_321;
const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");
const HOST_MARKER = path.join(os.tmpdir(), `alphaflow-hostile-${process.pid}`);
const FAKE_DB = path.join(PROJECT_ROOT, "data", `hostile-${process.pid}.db`);
const SECRET = "sk-hostile-test-secret";

const savedEnv = { ...process.env };
let server: net.Server;
let port = 0;
let connections = 0;

beforeAll(async () => {
  process.env.ALPHAFLOW_SANDBOX = "bwrap";
  process.env.ALPHAFLOW_SANDBOX_UID = String(HOSTILE_UID);
  process.env.OPENAI_API_KEY = SECRET;
  process.env.DATABASE_URL = `file:${FAKE_DB}`;
  fs.mkdirSync(path.dirname(FAKE_DB), { recursive: true });
  fs.writeFileSync(FAKE_DB, "SQLite format 3\0 hostile test");
  server = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  process.env = savedEnv;
  fs.rmSync(FAKE_DB, { force: true });
  fs.rmSync(HOST_MARKER, { force: true });
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function leftoverProcesses(): string[] {
  let out = "";
  try {
    out = execFileSync("ps", ["-u", String(HOSTILE_UID), "-o", "pid=,args="], { encoding: "utf8" });
  } catch {
    return [];
  }
  return out.split("\n").filter((line) => line.trim() !== "");
}

afterEach(() => {
  expect(leftoverProcesses()).toEqual([]);
  expect(fs.existsSync(HOST_MARKER)).toBe(false);
});

async function runOne(
  language: JudgeRequestInput["language"],
  code: string,
  input = "",
  output?: string,
  extra: Partial<JudgeRequestInput> = {},
): Promise<TestRunResult> {
  const result = await judge({ language, code, tests: [{ input, output }], timeLimitMs: 1000, ...extra });
  expect(result.sandbox).toBe("bwrap");
  expect(result.tests).toHaveLength(1);
  return result.tests[0];
}

function expectVerdict(result: TestRunResult, ...verdicts: Verdict[]) {
  expect(verdicts, `${result.verdict}: ${result.message} ${result.stderr.slice(-300)}`).toContain(result.verdict);
}

/** One C++ program, many attacks: compiled once (the compile cache serves the rest), chosen by stdin. */
const HOSTILE_CPP = String.raw`
#include <bits/stdc++.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
using namespace std;
int depth(int n) { volatile char pad[256]; pad[0] = n; return n == 0 ? 0 : depth(n - 1) + pad[0]; }
int main() {
  string mode; cin >> mode;
  if (mode == "segv") { int* p = nullptr; *p = 1; }
  if (mode == "abort") abort();
  if (mode == "new8g") { char* p = new char[8000000000ULL]; memset(p, 1, 8000000000ULL); cout << (int)p[77] << endl; }
  if (mode == "touch") { vector<char*> v; for (;;) { char* p = (char*)malloc(1 << 20); if (!p) return 3; memset(p, 1, 1 << 20); v.push_back(p); } }
  if (mode == "loop") { volatile unsigned long x = 0; for (;;) x++; }
  if (mode == "fork") { for (;;) fork(); }
  if (mode == "recurse") { cout << depth(100000000) << endl; }
  if (mode == "daemon") { if (fork() == 0) { setsid(); if (fork() == 0) { execl("/usr/bin/sleep", "sleep", "987654", (char*)0); } _exit(0); } cout << "parent done" << endl; }
  if (mode == "connect") {
    int port; cin >> port; int s = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{}; a.sin_family = AF_INET; a.sin_port = htons(port); inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    cout << (s >= 0 && connect(s, (sockaddr*)&a, sizeof a) == 0 ? "connected" : "refused") << endl;
  }
  if (mode == "sum") { long long a, b; cin >> a >> b; cout << a + b << endl; }
  return 0;
}
`;

describe.skipIf(!findBwrap() && "skipped: bubblewrap is not installed")("hostile programs in the bwrap sandbox", () => {
  describe("resource attacks", () => {
    it("python fork bomb is stopped by the process limit", async () => {
      const r = await runOne("python3", "import os\nwhile True:\n    os.fork()\n");
      expectVerdict(r, "RE", "TLE");
    });

    it("C++ fork bomb is stopped by the process limit", async () => {
      expectVerdict(await runOne("cpp", HOSTILE_CPP, "fork"), "TLE", "RE");
    });

    it("python memory balloon is MLE", async () => {
      const r = await runOne("python3", "a = []\nwhile True:\n    a.append(bytearray(10**6))\n");
      expectVerdict(r, "MLE");
    });

    it("C++ allocating 8 GB is MLE", async () => {
      expectVerdict(await runOne("cpp", HOSTILE_CPP, "new8g"), "MLE");
    });

    it("C++ touching memory until malloc fails is MLE or a non-zero exit", async () => {
      const r = await runOne("cpp", HOSTILE_CPP, "touch", undefined, { memoryLimitMb: 64 });
      expectVerdict(r, "MLE", "RE");
      expect(r.memoryKb).toBeLessThan(100 * 1024);
    });

    it("python infinite loop is TLE on CPU time", async () => {
      const r = await runOne("python3", "while True:\n    pass\n");
      expectVerdict(r, "TLE");
      expect(r.wallMs).toBeLessThan(3500);
    });

    it("C++ infinite loop is TLE", async () => {
      expectVerdict(await runOne("cpp", HOSTILE_CPP, "loop"), "TLE");
    });

    it("a sleeper is stopped by the wall-clock limit", async () => {
      const r = await runOne("python3", "import time\ntime.sleep(60)\n");
      expectVerdict(r, "TLE");
      expect(r.message).toMatch(/wall/);
    });

    it("a program whose threads sleep while the main thread waits is stopped too", async () => {
      const code = "import threading, time\nt = threading.Thread(target=time.sleep, args=(60,))\nt.start()\n";
      expectVerdict(await runOne("python3", code), "TLE");
    });

    it("stdout flood is OLE", async () => {
      const r = await runOne("python3", "import sys\nwhile True:\n    sys.stdout.write('x' * 65536)\n");
      expectVerdict(r, "OLE");
      expect(r.stdoutTruncated).toBe(true);
    });

    it("stderr flood is OLE", async () => {
      expectVerdict(await runOne("python3", "import sys\nwhile True:\n    sys.stderr.write('e' * 65536)\n"), "OLE");
    });

    it("writing a huge file hits the file-size limit", async () => {
      const code = "f = open('big', 'wb')\nwhile True:\n    f.write(b'z' * (1 << 20))\n";
      const r = await runOne("python3", code);
      expectVerdict(r, "RE");
      expect(r.stderr).toMatch(/File too large|EFBIG/);
    });

    it("a thread bomb cannot create unbounded threads", async () => {
      const code =
        "import threading, time\nfor i in range(10000):\n    threading.Thread(target=time.sleep, args=(30,), daemon=True).start()\n";
      expectVerdict(await runOne("python3", code), "RE");
    });

    it("python deep recursion is RE", async () => {
      const r = await runOne("python3", "def f(n):\n    return f(n + 1)\nf(0)\n");
      expectVerdict(r, "RE");
      expect(r.stderr).toMatch(/RecursionError/);
    });

    it("python deep recursion with the limit lifted dies cleanly", async () => {
      const code = "import sys\nsys.setrecursionlimit(10**8)\ndef f(n):\n    return f(n + 1) + 1\nf(0)\n";
      // 3.11 keeps Python frames off the C stack, so this may also just run until the CPU limit.
      expectVerdict(await runOne("python3", code), "RE", "MLE", "TLE");
    });

    it("C++ stack overflow is RE with SIGSEGV", async () => {
      const r = await runOne("cpp", HOSTILE_CPP, "recurse");
      expectVerdict(r, "RE", "MLE");
    });

    it("C++ segfault is RE with the signal name", async () => {
      const r = await runOne("cpp", HOSTILE_CPP, "segv");
      expectVerdict(r, "RE");
      expect(r.signal).toBe("SIGSEGV");
    });

    it("C++ abort is RE with SIGABRT", async () => {
      const r = await runOne("cpp", HOSTILE_CPP, "abort");
      expectVerdict(r, "RE");
      expect(r.signal).toBe("SIGABRT");
    });

    it("a huge stdin is delivered whole", async () => {
      const input = `${"7 ".repeat(10_000_000)}\n`;
      const r = await runOne("python3", "import sys\nprint(len(sys.stdin.buffer.read()))\n", input, String(input.length));
      expectVerdict(r, "AC");
    });
  });

  describe("isolation attacks", () => {
    it("cannot read /etc/shadow", async () => {
      const code = "try:\n    print(open('/etc/shadow').read())\nexcept OSError:\n    print('denied')\n";
      expectVerdict(await runOne("python3", code, "", "denied"), "AC");
    });

    it("cannot read the project's files", async () => {
      const target = path.join(PROJECT_ROOT, "package.json");
      const code = `try:\n    print(open(${JSON.stringify(target)}).read())\nexcept OSError:\n    print('denied')\n`;
      expectVerdict(await runOne("python3", code, "", "denied"), "AC");
    });

    it("cannot read the SQLite database", async () => {
      const code = `try:\n    print(open(${JSON.stringify(FAKE_DB)}, 'rb').read())\nexcept OSError:\n    print('denied')\n`;
      expectVerdict(await runOne("python3", code, "", "denied"), "AC");
    });

    it("sees no secrets in its environment", async () => {
      const code = "import os\nprint(sorted(os.environ))\n";
      const r = await runOne("python3", code);
      expect(r.stdout).not.toMatch(/OPENAI_API_KEY|DATABASE_URL|ALPHAFLOW/);
      expect(r.stdout).not.toContain(SECRET);
    });

    it("cannot write outside its work dir, and the host is untouched", async () => {
      const code = [
        "import os",
        "ok = 0",
        `for p in ['/usr/evil', '/etc/evil', '/evil', ${JSON.stringify(HOST_MARKER)}, ${JSON.stringify(path.join(PROJECT_ROOT, "evil"))}]:`,
        "    try:",
        "        open(p, 'w').write('x')",
        "        ok += 1",
        "    except OSError:",
        "        pass",
        "open('scratch', 'w').write('fine')",
        "print(ok, open('scratch').read())",
      ].join("\n");
      const r = await runOne("python3", code);
      // Only the marker path succeeds: it is under /tmp, which inside the sandbox is a private tmpfs.
      expect(r.stdout.trim()).toBe("1 fine");
      expect(fs.existsSync(path.join(PROJECT_ROOT, "evil"))).toBe(false);
    });

    it("cannot remount the read-only system writable", async () => {
      const code =
        "import os\nos.system('mount -o remount,rw /usr 2>/dev/null')\ntry:\n    open('/usr/evil', 'w')\n    print('wrote')\nexcept OSError:\n    print('denied')\n";
      expectVerdict(await runOne("python3", code, "", "denied"), "AC");
    });

    it("cannot connect to the host's loopback", async () => {
      const code = `import socket\ntry:\n    socket.create_connection(('127.0.0.1', ${port}), timeout=2)\n    print('connected')\nexcept OSError:\n    print('refused')\n`;
      expectVerdict(await runOne("python3", code, "", "refused"), "AC");
      expectVerdict(await runOne("cpp", HOSTILE_CPP, `connect ${port}`, "refused"), "AC");
      expect(connections).toBe(0);
    });

    it("cannot reach the outside network or resolve names", async () => {
      const code =
        "import socket\nr = []\nfor target in [('1.1.1.1', 80), ('example.com', 443)]:\n    try:\n        socket.create_connection(target, timeout=2)\n        r.append('open')\n    except OSError:\n        r.append('blocked')\nprint(*r)\n";
      expectVerdict(await runOne("python3", code, "", "blocked blocked"), "AC");
    });

    it("sees only its own processes", async () => {
      const code = "import os\nprint(len([p for p in os.listdir('/proc') if p.isdigit()]) <= 3)\n";
      expectVerdict(await runOne("python3", code, "", "True"), "AC");
    });

    it("a daemon that detaches does not outlive the run (python)", async () => {
      const code =
        "import os\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n        os.execv('/usr/bin/sleep', ['sleep', '987653'])\n    os._exit(0)\nprint('parent done')\n";
      expectVerdict(await runOne("python3", code, "", "parent done"), "AC");
      expect(leftoverProcesses()).toEqual([]);
    });

    it("a daemon that detaches does not outlive the run (C++)", async () => {
      expectVerdict(await runOne("cpp", HOSTILE_CPP, "daemon", "parent done"), "AC");
    });

    it("signals to the parent and to everyone do not stop the judge", async () => {
      const code =
        "import os, signal\nfor target in (os.getppid(), 1, -1):\n    try:\n        os.kill(target, signal.SIGKILL)\n    except OSError:\n        pass\nprint('still here')\n";
      const result = await judge({
        language: "python3",
        code,
        tests: [
          { input: "", output: "still here" },
          { input: "", output: "still here" },
          { input: "", output: "still here" },
        ],
        timeLimitMs: 1000,
      });
      expect(result.tests.map((t) => t.verdict)).toEqual(["AC", "AC", "AC"]);
    });

    it("each test starts from fresh state", async () => {
      const code =
        "import builtins, os\nprint(hasattr(builtins, 'leak'), os.path.exists('/tmp/leak'), os.listdir('.'))\nbuiltins.leak = 1\nopen('/tmp/leak', 'w').write('x')\nopen('here', 'w').write('x')\n";
      const result = await judge({
        language: "python3",
        code,
        tests: Array.from({ length: 4 }, () => ({ input: "", output: "False False []" })),
        timeLimitMs: 1000,
      });
      expect(result.tests.map((t) => t.verdict)).toEqual(["AC", "AC", "AC", "AC"]);
    });
  });

  describe("the judge after all of that", () => {
    it("still judges a correct program correctly", async () => {
      expectVerdict(await runOne("cpp", HOSTILE_CPP, "sum 2 40", "42"), "AC");
      expectVerdict(await runOne("python3", "print(sum(map(int, input().split())))", "2 40", "42"), "AC");
    });
  });
});
