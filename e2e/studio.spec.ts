import fs from "node:fs";
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { MOCK_LLM_URL, screenshot, SHARED_TEST_JSONL } from "./support/paths";

// The live studio against the built app and the scripted mock LLM (e2e/fixtures/mock-script.yaml): a real
// CodeContests problem solved end to end, a reload mid-run, cancel/resume/re-run, a fork from an edited stage, and two runs compared.

const PROBLEM = "1619_A. Square String?";
const RUN_TIMEOUT = 90_000;

type RunDetail = {
  id: string;
  status: string;
  lastSeq: number;
  solved: boolean | null;
  llmCallRecords: { stage: string; response: string }[];
  codeVersions: { ordinal: number; reason: string }[];
};

/** Every request the browser makes must go to the app itself: Monaco and everything else are served locally. */
function watchOrigins(context: BrowserContext, origin: string): string[] {
  const foreign: string[] = [];
  context.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url.startsWith("blob:")) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  return foreign;
}

async function problemId(request: APIRequestContext): Promise<string> {
  const response = await request.get(`/api/problems/${encodeURIComponent(PROBLEM)}`);
  expect(response.ok(), `problem ${PROBLEM} is imported`).toBe(true);
  return ((await response.json()) as { id: string }).id;
}

async function runDetail(request: APIRequestContext, runId: string): Promise<RunDetail> {
  const response = await request.get(`/api/runs/${runId}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as RunDetail;
}

/**
 * Starts a run from the problem page. A model name other than the default keeps the run clear of the LLM cache
 * (its key includes the model), so it streams instead of replaying the first run's answers at once.
 */
async function solveFromProblemPage(page: Page, id: string, model?: string): Promise<string> {
  await page.goto(`/problems/${id}`);
  const form = page.getByTestId("solve-form");
  await expect(form).toBeVisible();
  if (model) await form.getByLabel("Model").fill(model);
  await form.getByRole("button", { name: "Solve" }).click();
  await page.waitForURL(/\/runs\/[^/]+$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

async function waitForFinish(page: Page): Promise<void> {
  await expect(page.getByTestId("run-studio")).toHaveAttribute("data-run-status", /succeeded|failed|cancelled/, { timeout: RUN_TIMEOUT });
}

/** The page applied exactly seqs 1..lastSeq of the stored log: nothing lost, nothing twice. */
async function expectEveryEventOnce(page: Page, request: APIRequestContext, runId: string): Promise<RunDetail> {
  const detail = await runDetail(request, runId);
  const studio = page.getByTestId("run-studio");
  await expect(studio).toHaveAttribute("data-last-seq", String(detail.lastSeq));
  await expect(studio).toHaveAttribute("data-seqs", `1-${detail.lastSeq}`);
  return detail;
}

test.describe.serial("live studio", () => {
  test.skip(!fs.existsSync(SHARED_TEST_JSONL), "skipped: ../shared/data/codecontests/test.jsonl is not beside this clone");

  let firstRun = "";
  let secondRun = "";

  test.beforeAll(async ({ request }) => {
    // Other spec files may have used the mock: start its per-stage ordinals afresh so the first program is the wrong one.
    const reset = await request.post(`${MOCK_LLM_URL}/__mock/reset`);
    expect(reset.ok(), `mock LLM control endpoint at ${MOCK_LLM_URL}`).toBe(true);
  });

  test("solve a real problem: stages stream, tests fill in, code versions diff, final verdict", async ({ page, request, baseURL }) => {
    const foreign = watchOrigins(page.context(), new URL(baseURL!).origin);
    const id = await problemId(request);
    firstRun = await solveFromProblemPage(page, id);

    const studio = page.getByTestId("run-studio");
    const reflect = page.locator('[data-node="reflect"]').first();
    await expect(reflect).toBeVisible();
    // The reflection streams token by token: its text grows while the stage is still running.
    const text = page.getByTestId("stage-text").first();
    await expect(text).toContainText("self_reflection", { timeout: 30_000 });
    const early = (await text.textContent())!.length;
    await expect.poll(async () => (await text.textContent())!.length).toBeGreaterThan(early);
    await expect(page.locator('[data-testid="stage-timeline"] [data-node="reflect"]')).toHaveAttribute("data-status", "running");
    await expect(page.getByTestId("stage-reasoning").first()).toContainText("two equal halves");
    await page.screenshot({ path: screenshot("studio-run-streaming"), fullPage: true });

    // ai_tests and possible_solutions both wait only for the reflection: parallel branches.
    await expect(page.locator('[data-testid="stage-timeline"] [data-node="ai_tests"]')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('[data-testid="stage-timeline"] [data-node="possible_solutions"]')).toBeVisible();

    await expect(page.getByTestId("test-row").first()).toBeVisible({ timeout: RUN_TIMEOUT });
    await waitForFinish(page);
    await expect(studio).toHaveAttribute("data-run-status", "succeeded");
    await expect(page.getByTestId("final-verdict")).toContainText("solved");
    await expect(page.getByTestId("final-verdict")).toContainText("203 passed, 0 failed");
    await expect(page.getByTestId("tests-summary-public")).toContainText("1 passed, 0 failed");
    await expect(page.locator('[data-testid="test-row"][data-set="ai"]').first()).toBeVisible();
    await expect(page.locator('[data-testid="test-row"][data-set="private"], [data-testid="test-row"][data-set="generated"]').first()).toBeVisible();
    expect(Number(await page.getByTestId("total-calls").textContent())).toBeGreaterThanOrEqual(5);
    const detail = await expectEveryEventOnce(page, request, firstRun);
    expect(detail.solved).toBe(true);
    await page.screenshot({ path: screenshot("studio-run-finished"), fullPage: true });

    // The chosen solution's parsed output renders as structure, not YAML.
    await page.locator('[data-testid="stage-timeline"] [data-node="possible_solutions"] button').click();
    await expect(page.getByTestId("parsed-item").first()).toContainText("Compare the two halves");
    await expect(page.getByRole("list", { name: "tags" }).first()).toContainText("strings");

    // The first program counted letters and failed the public test: its results show the output diff.
    expect(detail.codeVersions.length).toBeGreaterThanOrEqual(2);
    const rejected = page.locator('[data-testid="code-version"][data-status="rejected"]').first();
    await expect(rejected).toContainText("initial code");
    const wrongOrdinal = /v(\d+)/.exec((await rejected.textContent())!)![1];
    const resultsOf = page.getByLabel("Results of");
    const option = resultsOf.locator("option").filter({ hasText: new RegExp(`^v${wrongOrdinal}: `) });
    await resultsOf.selectOption((await option.getAttribute("value"))!);
    const failed = page.locator('[data-testid="test-row"][data-set="public"][data-verdict="WA"]');
    await expect(failed).toBeVisible();
    await failed.getByRole("button").click();
    const outputDiff = page.getByTestId("output-diff");
    await expect(outputDiff.locator('[data-change="removed"]').first()).toContainText("NO");
    await expect(outputDiff.locator('[data-change="added"]').first()).toContainText("YES");
    await page.screenshot({ path: screenshot("studio-test-output-diff"), fullPage: true });

    // Monaco (from the app's own bundle) shows the current code, and its diff editor any two versions.
    await expect(page.locator('[data-testid="code-editor"] .monaco-editor')).toBeVisible({ timeout: 30_000 });
    await page.getByRole("tab", { name: "Diff between versions" }).click();
    const versionDiff = page.getByTestId("version-diff");
    await expect(versionDiff.locator(".monaco-diff-editor")).toBeVisible({ timeout: 30_000 });
    await expect(versionDiff).toContainText("Counter");
    await expect(versionDiff).toContainText("half");
    await versionDiff.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshot("studio-code-diff"), fullPage: true });

    expect(foreign).toEqual([]);
  });

  test("reload mid-run: the stream resumes with no event lost or repeated", async ({ page, request, baseURL }) => {
    const foreign = watchOrigins(page.context(), new URL(baseURL!).origin);
    const streams: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/events")) streams.push(r.url());
    });
    const id = await problemId(request);
    secondRun = await solveFromProblemPage(page, id, "mock-model-reload");
    await expect(page.getByTestId("stage-text").first()).toContainText("self_reflection", { timeout: 30_000 });
    const before = await runDetail(request, secondRun);
    expect(before.status).toBe("running");

    await page.reload();
    await expect(page.getByTestId("run-studio")).toHaveAttribute("data-stream", /connecting|live|ended/);
    await waitForFinish(page);
    const detail = await expectEveryEventOnce(page, request, secondRun);
    expect(detail.lastSeq).toBeGreaterThan(before.lastSeq);
    await expect(page.getByTestId("run-studio")).toHaveAttribute("data-duplicates-dropped", "0");
    // One stream per page load.
    expect(streams).toHaveLength(2);

    // Token by token, the reflection shown equals the answer stored for that call.
    await page.locator('[data-testid="stage-timeline"] [data-node="reflect"] button').click();
    await page.getByRole("tab", { name: /Model stream/ }).click();
    const stored = detail.llmCallRecords.find((call) => call.stage === "reflect")!.response;
    expect((await page.getByTestId("stage-text").first().textContent())!.trim()).toBe(stored.trim());
    expect(foreign).toEqual([]);
  });

  test("cancel mid-run, resume it, then re-run it with an edited configuration", async ({ page, request }) => {
    const id = await problemId(request);
    const runId = await solveFromProblemPage(page, id, "mock-model-resume");
    const studio = page.getByTestId("run-studio");
    await expect(page.getByTestId("stage-text").first()).toContainText("self_reflection", { timeout: 30_000 });
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(studio).toHaveAttribute("data-run-status", "cancelled", { timeout: 30_000 });
    expect((await runDetail(request, runId)).status).toBe("cancelled");

    await page.getByRole("button", { name: "Resume" }).click();
    await expect(studio).toHaveAttribute("data-run-status", "running", { timeout: 20_000 });
    await waitForFinish(page);
    await expect(studio).toHaveAttribute("data-run-status", "succeeded");
    await expectEveryEventOnce(page, request, runId);
    await expect(page.getByTestId("final-verdict")).toContainText("solved");

    await page.getByRole("button", { name: /Re-run with changed config/ }).click();
    const dialog = page.getByRole("dialog");
    const editor = dialog.locator(".monaco-editor");
    await expect(editor).toContainText("mock-model-resume", { timeout: 30_000 });
    await editor.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("bogus: 1");
    await expect(dialog.getByTestId("config-issues")).toContainText('unknown key "bogus"');
    await expect(dialog.getByRole("button", { name: "Start the new run" })).toBeDisabled();
    // A config is overrides over config/default.yaml: one key is a whole valid config.
    await page.keyboard.press("Control+A");
    await page.keyboard.type("mode: baseline");
    await expect(dialog.getByTestId("config-issues")).toHaveCount(0);
    await dialog.getByRole("button", { name: "Start the new run" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/runs/") && !url.pathname.endsWith(runId));
    await waitForFinish(page);
    await expect(page.locator('[data-testid="stage-timeline"] [data-node="baseline"]')).toBeVisible();
    await expect(studio).toHaveAttribute("data-run-status", "succeeded");
  });

  test("fork from a stage with an edited chosen solution: a new run reuses the earlier stages", async ({ page, request }) => {
    await page.goto(`/runs/${firstRun}`);
    await waitForFinish(page);
    await page.locator('[data-testid="stage-timeline"] [data-node="choose_solution"] button').click();
    await page.getByTestId("fork-button").click();
    const editor = page.getByRole("dialog").locator(".monaco-editor").first();
    await expect(editor).toBeVisible({ timeout: 30_000 });
    await expect(editor).toContainText("chosen:");
    // The stored output opens as YAML with the chosen solution's name on line 2: replace that line.
    await editor.click();
    await page.keyboard.press("ControlOrMeta+Home");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("End");
    await page.keyboard.press("Shift+Home");
    await page.keyboard.type("name: Edited by hand");
    await page.screenshot({ path: screenshot("studio-fork-dialog"), fullPage: true });
    await page.getByTestId("fork-start").click();
    await page.waitForURL((url) => /\/runs\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith(firstRun));
    const forkId = new URL(page.url()).pathname.split("/").pop()!;
    await waitForFinish(page);
    await expect(page.getByText(`Forked from`)).toBeVisible();

    const fork = (await (await request.get(`/api/runs/${forkId}`)).json()) as RunDetail & {
      parentRunId: string;
      forkFromStage: string;
      stages: { key: string; output: { chosen?: { name: string } } }[];
    };
    expect(fork).toMatchObject({ parentRunId: firstRun, forkFromStage: "choose_solution", status: "succeeded" });
    expect(fork.stages.find((stage) => stage.key === "choose_solution")!.output.chosen!.name).toBe("Edited by hand");
    expect(fork.llmCallRecords.map((call) => call.stage)).not.toContain("reflect");
    await page.screenshot({ path: screenshot("studio-fork-run"), fullPage: true });
  });

  test("runs history filters and compares two runs side by side", async ({ page, baseURL }) => {
    const foreign = watchOrigins(page.context(), new URL(baseURL!).origin);
    await page.goto("/runs");
    await page.getByLabel("Problem").fill("Square String");
    await page.getByLabel("Status").selectOption("succeeded");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.locator(`[data-run-id="${firstRun}"]`)).toBeVisible();
    await expect(page.locator(`[data-run-id="${secondRun}"]`)).toBeVisible();
    await page.screenshot({ path: screenshot("studio-runs-history"), fullPage: true });
    await page.getByLabel("Model").selectOption("mock-model-reload");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByTestId("run-row")).toHaveCount(1);
    await expect(page.locator(`[data-run-id="${secondRun}"]`)).toBeVisible();
    await page.getByLabel("Model").selectOption("");
    await page.getByRole("button", { name: "Filter" }).click();

    await page.getByLabel(`Select run ${firstRun} to compare`).check();
    await page.getByLabel(`Select run ${secondRun} to compare`).check();
    await page.getByRole("button", { name: /Compare selected/ }).click();
    await expect(page.getByTestId("compare-view")).toBeVisible();
    await expect(page.getByTestId("compare-stages")).toContainText("problem reflection");
    const rows = page.getByTestId("matrix-row");
    expect(await rows.count()).toBeGreaterThan(200);
    await page.getByLabel(/Differences only/).check();
    const differing = await page.locator('[data-testid="matrix-row"]').count();
    expect(differing).toBe(await page.locator('[data-testid="matrix-row"][data-differs="true"]').count());
    await page.getByRole("button", { name: /problem reflection/ }).click();
    await expect(page.getByTestId("parsed-output").first()).toContainText("square");
    await expect(page.locator(".monaco-diff-editor")).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: screenshot("studio-compare"), fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await expect(page.locator(".monaco-diff-editor")).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: screenshot("studio-compare-dark"), fullPage: true });
    expect(foreign).toEqual([]);
  });
});
