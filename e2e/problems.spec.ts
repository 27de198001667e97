import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { screenshot, SHARED_TEST_JSONL } from "./support/paths";

test.describe("problem library", () => {
  test.skip(!fs.existsSync(SHARED_TEST_JSONL), "skipped: ../shared/data/codecontests/test.jsonl is not beside this clone");

  test("search the imported CodeContests problems, open one and see its examples", async ({ page }) => {
    const foreign: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith("http://127.0.0.1:") && !request.url().startsWith("data:")) foreign.push(request.url());
    });

    await page.goto("/problems");
    await expect(page.getByTestId("problem-count")).toContainText("165 problems");

    await page.getByRole("searchbox").fill("1575_A");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByTestId("problem-count")).toContainText("1 problem");
    await page.screenshot({ path: screenshot("problems-search"), fullPage: true });

    await page.getByRole("link", { name: /1575_A\. Another Sorting Problem/ }).click();
    await expect(page.getByRole("heading", { name: /Another Sorting Problem/ })).toBeVisible();
    const example = page.getByTestId("public-test").first();
    await expect(example).toContainText("AA");
    await expect(example).toContainText("5 2 1 3 4");
    await page.screenshot({ path: screenshot("problem-detail"), fullPage: true });

    expect(foreign).toEqual([]);
  });

  test("the home page says what alphaflow is and links to the problems", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "alphaflow" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Pick a problem \(165\)/ })).toBeVisible();
    await page.screenshot({ path: screenshot("home"), fullPage: true });
  });
});
