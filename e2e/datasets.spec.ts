import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { flowScript, readRows, SMALL_FLOW_CONFIG } from "../tests/datasets/flow-mock-script";
import { stringify } from "yaml";
import { MOCK_LLM_URL, MOCK_SCRIPT, screenshot, SHARED_TEST_JSONL } from "./support/paths";

const SOLVED = "1575_A. Another Sorting Problem";
const UNSOLVED = "1580_A. Portal";

test.describe("dataset runs", () => {
  test.skip(!fs.existsSync(SHARED_TEST_JSONL), "skipped: ../shared/data/codecontests/test.jsonl is not beside this clone");

  // The app talks to the e2e mock LLM (e2e/support/serve.ts); this suite swaps in its own script and puts the
  // studio's back afterwards, so the app's settings stay untouched for the other suites.
  test.beforeAll(async ({ request }) => {
    const rows = readRows(SHARED_TEST_JSONL, [SOLVED, UNSOLVED]);
    const script = stringify(flowScript(rows.map(({ row }) => ({ row, solve: row.name === SOLVED }))));
    const swapped = await request.post(`${MOCK_LLM_URL}/__mock/script`, { data: script, headers: { "Content-Type": "text/yaml" } });
    expect(swapped.ok(), await swapped.text()).toBe(true);
  });
  test.afterAll(async ({ request }) => {
    await request.post(`${MOCK_LLM_URL}/__mock/script`, { data: fs.readFileSync(MOCK_SCRIPT, "utf8"), headers: { "Content-Type": "text/yaml" } });
  });

  test("a dataset run started through the API shows live progress, then its pass@k report with the chart", async ({ page, request }) => {
    const bad = await request.post("/api/datasets", { data: { split: "test", problems: "no such problem" } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toContain("no such problem");

    const started = await request.post("/api/datasets", {
      data: { split: "test", problems: `${SOLVED},${UNSOLVED}`, k: 2, concurrency: 2, config: SMALL_FLOW_CONFIG, name: "e2e pass@2" },
    });
    expect(started.status(), await started.text()).toBe(201);
    const { datasetRunId } = (await started.json()) as { datasetRunId: string };

    await page.goto(`/datasets/${datasetRunId}`);
    await expect(page.getByRole("heading", { name: "e2e pass@2" })).toBeVisible();
    await expect(page.getByTestId("dataset-progress")).toBeVisible();
    await expect(page.getByTestId("dataset-progress")).toContainText("succeeded", { timeout: 90_000 });

    // The report re-renders when the run ends: one solved problem of two, at k = 1 and 2.
    const chart = page.getByTestId("pass-at-k-chart");
    await expect(chart.locator(".recharts-bar-rectangle")).toHaveCount(2);
    await expect(chart).toContainText("pass@1");
    await expect(chart).toContainText("50.0%");
    await expect(page.getByTestId("summary-cards")).toContainText("1/2");
    await expect(page.getByTestId("report-context")).toContainText("mock-model");
    await expect(page.getByTestId("cost-scatter").locator(".recharts-scatter-symbol")).toHaveCount(2);
    const results = page.getByTestId("problem-results");
    await expect(results).toContainText(SOLVED);
    await expect(results.getByRole("link", { name: /#0 solved/ })).toHaveAttribute("href", /^\/runs\//);
    await page.screenshot({ path: screenshot("dataset-report"), fullPage: true });

    const csv = await request.get(`/api/datasets/${datasetRunId}/export?format=csv`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]).toMatch(/^split,mode,model,config/);
    expect(lines).toHaveLength(1 + 4);
    const layout = (await (await request.get(`/api/datasets/${datasetRunId}/export?format=alphacodium`)).json()) as Record<string, Record<string, Record<string, object>>>;
    expect(Object.keys(layout.test)).toHaveLength(2);

    await page.goto("/datasets");
    await expect(page.getByTestId("dataset-runs").getByRole("link", { name: "e2e pass@2" })).toBeVisible();
    await page.screenshot({ path: screenshot("datasets-list"), fullPage: true });
  });
});
