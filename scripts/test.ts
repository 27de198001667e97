// `npm test`: lint, type check, unit + integration tests (Vitest), build, browser tests (Playwright), in that
// order, stopping at the first failing step; ends with one "N passed, N failed, N skipped" line over all tests.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromiumPath } from "../e2e/support/chromium";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "alphaflow-test-"));
const vitestReport = path.join(reports, "vitest.json");
const playwrightReport = path.join(root, "e2e", "output", "results.json");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" };

type Totals = { passed: number; failed: number; skipped: number };
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
const timings: string[] = [];

function step(name: string, command: string, args: string[]): boolean {
  process.stdout.write(`\n=== ${name}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${name}: ${seconds}s${result.status === 0 ? "" : " (failed)"}`);
  return result.status === 0;
}

function addVitest(): void {
  if (!fs.existsSync(vitestReport)) return;
  const report = JSON.parse(fs.readFileSync(vitestReport, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

function addPlaywright(): void {
  if (!fs.existsSync(playwrightReport)) return;
  const { stats } = JSON.parse(fs.readFileSync(playwrightReport, "utf8")) as { stats: { expected: number; unexpected: number; skipped: number; flaky: number } };
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected;
  totals.skipped += stats.skipped;
}

function finish(ok: boolean): never {
  process.stdout.write(`\n=== summary\n${timings.join("\n")}\n`);
  process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
  process.exit(ok ? 0 : 1);
}

const only = process.argv.slice(2);
const wants = (name: string) => only.length === 0 || only.includes(name);

if (wants("lint") && !step("lint", bin("eslint"), ["."])) finish(false);
if (wants("types") && !step("type check", bin("tsc"), ["--noEmit"])) finish(false);
if (wants("unit")) {
  const ok = step("unit and integration tests", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`]);
  addVitest();
  if (!ok) finish(false);
}
if (wants("e2e")) {
  if (!chromiumPath()) {
    process.stderr.write(
      "No Chromium found for the browser tests. Install Debian's: `sudo apt-get install -y chromium` (gives /usr/bin/chromium),\n" +
        "or point CHROMIUM_PATH at a Chromium/Chrome binary. Playwright's own download does not work offline.\n",
    );
    finish(false);
  }
  if (!step("build", bin("next"), ["build"])) finish(false);
  fs.rmSync(playwrightReport, { force: true });
  const ok = step("browser tests", bin("playwright"), ["test"]);
  addPlaywright();
  if (!ok) finish(false);
}
finish(true);
