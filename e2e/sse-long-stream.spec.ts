import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { paddedProgram } from "../scripts/bench-sse/scenario";
import { MOCK_LLM_URL, MOCK_SCRIPT } from "./support/paths";

// A 20,000-token answer streamed into the run page: the page must show every token exactly once, and the blocks
// the long text is rendered in (components/run/text-blocks.ts) must lay out exactly like the one text they hold.

const TOKENS = 20_000;
const answer = paddedProgram(TOKENS);

test.describe("a long stream on the run page", () => {
  test.afterAll(async ({ request }) => {
    // The mock is shared with the other spec files: give them back the script they were started with.
    const restored = await request.post(`${MOCK_LLM_URL}/__mock/script`, { data: fs.readFileSync(MOCK_SCRIPT, "utf8") });
    expect(restored.ok()).toBe(true);
  });

  test("a 20,000-token answer renders completely, each event once, laid out as one text", async ({ page, request }) => {
    // Unpaced, so the writer merges thousands of deltas per event; the start delay lets the page open its stream
    // first, so the text arrives live rather than as a replay.
    const script = { models: ["mock-model"], stages: { baseline: [{ content: answer, tokensPerSecond: 0, latencyMs: 3_000 }] } };
    expect((await request.post(`${MOCK_LLM_URL}/__mock/script`, { data: JSON.stringify(script) })).ok()).toBe(true);
    const stamp = Date.now().toString(36);
    const created = await request.post("/api/runs", {
      data: {
        problem: { name: `long stream ${stamp}`, description: "Read two integers and print their sum.", public_tests: { input: ["1 2\n"], output: ["3\n"] } },
        mode: "baseline",
        model: `mock-model-long-${stamp}`,
        config: { llm: { parse_retries: 0, max_tokens: 200_000, timeout_s: 600 }, judge: { score_hidden: false } },
      },
    });
    expect(created.status()).toBe(201);
    const { runId } = (await created.json()) as { runId: string };

    await page.goto(`/runs/${runId}`);
    const studio = page.getByTestId("run-studio");
    await expect(studio).toHaveAttribute("data-run-status", /succeeded|failed|cancelled/, { timeout: 90_000 });
    await expect(studio).toHaveAttribute("data-run-status", "succeeded");

    const detail = (await (await request.get(`/api/runs/${runId}`)).json()) as { lastSeq: number; llmCallRecords: { response: string }[] };
    await expect(studio).toHaveAttribute("data-seqs", `1-${detail.lastSeq}`);
    await expect(studio).toHaveAttribute("data-duplicates-dropped", "0");
    expect(detail.llmCallRecords.map((call) => call.response)).toEqual([answer]);

    await page.locator('[data-testid="stage-timeline"] [data-node="baseline"] button').click();
    await page.getByRole("tab", { name: /Model stream/ }).click();
    const text = page.locator('[data-testid="stage-detail"][data-node="baseline"] [data-testid="stage-text"]');
    expect(await text.textContent()).toBe(answer);

    const layout = await text.evaluate((element) => {
      const plain = element.cloneNode(false) as HTMLElement;
      plain.textContent = element.textContent;
      element.after(plain);
      const heights = { blocks: element.scrollHeight, plain: plain.scrollHeight, children: element.children.length };
      plain.remove();
      return heights;
    });
    // Many blocks, or the comparison would prove nothing.
    expect(layout.children).toBeGreaterThan(10);
    expect(layout.blocks).toBe(layout.plain);
  });
});
