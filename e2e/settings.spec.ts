import { expect, test } from "@playwright/test";
import { screenshot } from "./support/paths";
import { E2E_API_KEY } from "./support/secrets";

// The settings page: provider settings with a write-only key, a connection test against the mock LLM, and
// configuration presets edited as YAML with validation errors shown inline.

test.describe.serial("settings", () => {
  test("the API key is write-only and the connection test reaches the configured endpoint", async ({ page, request }) => {
    const before = await request.get("/api/settings");
    expect(await before.text()).not.toContain(E2E_API_KEY);

    await page.goto("/settings");
    await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
    await expect(page.getByTestId("api-key-state")).toContainText("A key is set");
    await expect(page.locator('input[name="apiKey"]')).toHaveValue("");
    expect(await page.content()).not.toContain(E2E_API_KEY);

    await page.getByRole("button", { name: "Test connection" }).click();
    const report = page.getByTestId("connection-report");
    await expect(report).toContainText("Connected to", { timeout: 20_000 });
    await expect(report).toContainText("mock-model");

    // A new key replaces the stored one and is never echoed back.
    const replacement = "sk-replacement-key-0123456789";
    await page.locator('input[name="model"]').fill("mock-model");
    await page.locator('input[name="apiKey"]').fill(replacement);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await expect(page.locator('input[name="apiKey"]')).toHaveValue("");
    const after = await request.get("/api/settings");
    const body = await after.text();
    expect(body).not.toContain(replacement);
    expect(JSON.parse(body)).toMatchObject({ effective: { apiKeySet: true, model: "mock-model" } });
    await page.reload();
    expect(await page.content()).not.toContain(replacement);

    // Put the environment's key back in charge for the other specs.
    await page.getByLabel(/Remove the stored key/).check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await page.screenshot({ path: screenshot("settings-provider"), fullPage: true });
  });

  test("a bad base URL is refused with a clear reason", async ({ request }) => {
    const response = await request.put("/api/settings", { data: { provider: "custom", baseUrl: "not a url", model: "" } });
    expect(response.status()).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/base URL/);
  });

  test("presets: built-ins are read-only, a copy validates inline and saves", async ({ page, request }) => {
    await page.goto("/settings");
    const list = page.getByTestId("preset-list");
    await expect(list).toContainText("default");
    await expect(list).toContainText("fast");
    await list.getByRole("button", { name: /^fast/ }).click();
    const editor = page.locator('[data-testid="code-editor"] .monaco-editor').last();
    await expect(editor).toContainText("max_solutions", { timeout: 30_000 });
    await expect(page.getByTestId("preset-validity")).toContainText("Valid configuration");

    await page.getByRole("button", { name: "Edit a copy" }).click();
    await expect(page.locator('input[name="presetName"]')).toHaveValue("fast-copy");
    await page.locator('input[name="presetName"]').fill("e2e-quick");
    await editor.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.type("ai_tests_typo: 3");
    await expect(page.getByTestId("preset-issues")).toContainText('unknown key "ai_tests_typo"');
    await expect(page.getByTestId("preset-issues")).toContainText("line");
    await expect(page.getByRole("button", { name: "Save preset" })).toBeDisabled();
    await page.screenshot({ path: screenshot("settings-preset-invalid"), fullPage: true });

    await page.keyboard.press("Home");
    await page.keyboard.press("Shift+End");
    await page.keyboard.press("Delete");
    await expect(page.getByTestId("preset-validity")).toContainText("Valid configuration");
    await page.getByRole("button", { name: "Save preset" }).click();
    await expect(page.getByText('Saved "e2e-quick".')).toBeVisible();
    await expect(list).toContainText("e2e-quick");

    const presets = (await (await request.get("/api/presets")).json()) as { presets: { name: string; source: string }[] };
    expect(presets.presets).toContainEqual(expect.objectContaining({ name: "e2e-quick", source: "saved" }));
    const refused = await request.post("/api/presets", { data: { name: "bad", yaml: "ai_tests:\n  count: -1\n" } });
    expect(refused.status()).toBe(400);
    expect(((await refused.json()) as { issues: { line: number }[] }).issues[0].line).toBe(2);

    await page.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText('Deleted "e2e-quick".')).toBeVisible();
  });
});
