import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchProblems, problemFacets } from "@/lib/problems/search";
import { tempDatabase } from "../helpers/db";

const t = tempDatabase();
const COUNT = 10_000;
const TAGS = ["math", "greedy", "dp", "graphs", "strings", "sortings", "brute force", "implementation"];
const DIFFICULTIES = ["A", "B", "C", "D", "E", "F"];

beforeAll(async () => {
  const rows = Array.from({ length: COUNT }, (_, i) => ({
    name: `${String(i).padStart(5, "0")}_X. Generated problem ${i}`,
    description: `Problem number ${i}. ${"Some statement text about arrays and queries. ".repeat(20)}${i % 97 === 0 ? "needle" : ""}`,
    split: i % 2 === 0 ? "train" : "test",
    indexInSplit: Math.floor(i / 2),
    difficulty: DIFFICULTIES[i % DIFFICULTIES.length],
    tags: [TAGS[i % TAGS.length], TAGS[(i * 3 + 1) % TAGS.length]],
    privateTestCount: i % 3 === 0 ? 0 : 10,
    publicTestCount: 1,
    contentHash: `h${i}`,
  }));
  await t.db.problem.createMany({ data: rows });
});
afterAll(() => t.cleanup());

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  console.info(`${label}: ${ms.toFixed(1)} ms`);
  // Loose on purpose: CI shares 2 cores; a missing index or a full load of rows would take seconds.
  expect(ms).toBeLessThan(1_500);
  return result;
}

describe("paged search over 10,000 problems", () => {
  it("pages in split-index-name order with a total", async () => {
    const first = await timed("first page", () => searchProblems(t.db, { pageSize: 50 }));
    expect(first.total).toBe(COUNT);
    expect(first.pageCount).toBe(200);
    expect(first.items[0]).toMatchObject({ split: "test", indexInSplit: 0 });
    const deep = await timed("page 150", () => searchProblems(t.db, { page: 150, pageSize: 50 }));
    expect(deep.items).toHaveLength(50);
    expect(deep.items[0]).toMatchObject({ split: "train", indexInSplit: (150 - 1) * 50 - 5000 });
  });

  it("filters by split, difficulty, tag, hidden tests and text, with correct totals", async () => {
    expect((await timed("split", () => searchProblems(t.db, { split: "train" }))).total).toBe(5000);
    expect((await timed("difficulty", () => searchProblems(t.db, { difficulty: "B" }))).total).toBe(Math.ceil((COUNT - 1) / 6));
    const greedy = Array.from({ length: COUNT }, (_, i) => i).filter((i) => TAGS[i % 8] === "greedy" || TAGS[(i * 3 + 1) % 8] === "greedy");
    expect((await timed("tag", () => searchProblems(t.db, { tag: "greedy" }))).total).toBe(greedy.length);
    expect((await timed("hidden", () => searchProblems(t.db, { hasHidden: "1" }))).total).toBe(COUNT - Math.ceil(COUNT / 3));
    const needle = await timed("description substring", () => searchProblems(t.db, { q: "NEEDLE", pageSize: 200 }));
    expect(needle.total).toBe(Math.ceil(COUNT / 97));
    expect((await timed("name substring", () => searchProblems(t.db, { q: "problem 4242" }))).items.map((p) => p.name)).toEqual([
      "04242_X. Generated problem 4242",
    ]);
    const combined = await timed("combined", () => searchProblems(t.db, { split: "test", difficulty: "B", tag: "dp", hasHidden: "true" }));
    expect(combined.items.every((p) => p.split === "test" && p.difficulty === "B" && (p.tags as string[]).includes("dp"))).toBe(true);
  });

  it("lists the filter values", async () => {
    const facets = await timed("facets", () => problemFacets(t.db));
    expect(facets.splits).toEqual(["test", "train"]);
    expect(facets.difficulties).toEqual(DIFFICULTIES);
    expect(facets.tags).toEqual([...TAGS].sort());
  });

  it("rejects bad paging input", async () => {
    await expect(searchProblems(t.db, { pageSize: 1000 })).rejects.toThrow();
    await expect(searchProblems(t.db, { page: 0 })).rejects.toThrow();
  });
});
