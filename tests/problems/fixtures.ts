import fs from "node:fs";
import path from "node:path";
import { Bool, Field, Int64, List, Struct, Table, Utf8, tableToIPC, vectorFromArray, type DataType } from "apache-arrow";
import { parquetWriteFile } from "hyparquet-writer";

/** A row in the deepmind/code_contests layout (the fields our importers read). */
export interface DeepmindRow {
  name: string;
  description: string;
  public_tests: { input: string[]; output: string[] };
  private_tests: { input: string[]; output: string[] };
  generated_tests: { input: string[]; output: string[] };
  source: number;
  difficulty: number;
  cf_contest_id: number;
  cf_index: string;
  cf_rating: number;
  cf_tags: string[];
  time_limit: { seconds: number; nanos: number } | null;
  memory_limit_bytes: number;
  solutions: { language: number[]; solution: string[] };
  incorrect_solutions: { language: number[]; solution: string[] };
}

export function deepmindRow(i: number, overrides: Partial<DeepmindRow> = {}): DeepmindRow {
  return {
    name: `${1000 + i}_A. Fixture problem ${i}`,
    description: `Print the sum of two numbers.\n\nInput\n\nTwo integers.\n\nOutput\n\nTheir sum.\n\nExample\n\nInput\n\n1 ${i}\n\nOutput\n\n${1 + i}\n`,
    public_tests: { input: [`1 ${i}\n`], output: [`${1 + i}\n`] },
    private_tests: { input: [`2 ${i}\n`, `3 ${i}\n`], output: [`${2 + i}\n`, `${3 + i}\n`] },
    generated_tests: { input: [`4 ${i}\n`], output: [`${4 + i}\n`] },
    source: 2,
    difficulty: 7 + (i % 3),
    cf_contest_id: 1000 + i,
    cf_index: "A",
    cf_rating: 800,
    cf_tags: ["math", "implementation"],
    time_limit: { seconds: 1, nanos: 500_000_000 },
    memory_limit_bytes: 256 * 1024 * 1024,
    solutions: { language: [3, 2], solution: ["print(sum(map(int, input().split())))", "int main(){}"] },
    incorrect_solutions: { language: [1], solution: ["print 0"] },
    ...overrides,
  };
}

// ---- parquet (deepmind/code_contests column layout) ----
const STRING = { type: "BYTE_ARRAY", converted_type: "UTF8" } as const;
const INT64 = { type: "INT64" } as const;
const listOf = (name: string, element: object) => [
  { name, repetition_type: "OPTIONAL", converted_type: "LIST", num_children: 1 },
  { name: "list", repetition_type: "REPEATED", num_children: 1 },
  { name: "element", repetition_type: "OPTIONAL", ...element },
];
const testsGroup = (name: string) => [{ name, repetition_type: "OPTIONAL", num_children: 2 }, ...listOf("input", STRING), ...listOf("output", STRING)];
const solutionsGroup = (name: string) => [{ name, repetition_type: "OPTIONAL", num_children: 2 }, ...listOf("language", INT64), ...listOf("solution", STRING)];

export function writeDeepmindParquet(file: string, rows: DeepmindRow[]): void {
  const schema = [
    { name: "root", num_children: 15 },
    { name: "name", repetition_type: "OPTIONAL", ...STRING },
    { name: "description", repetition_type: "OPTIONAL", ...STRING },
    ...testsGroup("public_tests"),
    ...testsGroup("private_tests"),
    ...testsGroup("generated_tests"),
    { name: "source", repetition_type: "OPTIONAL", ...INT64 },
    { name: "difficulty", repetition_type: "OPTIONAL", ...INT64 },
    ...solutionsGroup("solutions"),
    ...solutionsGroup("incorrect_solutions"),
    { name: "cf_contest_id", repetition_type: "OPTIONAL", ...INT64 },
    { name: "cf_index", repetition_type: "OPTIONAL", ...STRING },
    { name: "cf_rating", repetition_type: "OPTIONAL", ...INT64 },
    ...listOf("cf_tags", STRING),
    { name: "time_limit", repetition_type: "OPTIONAL", num_children: 2 },
    { name: "seconds", repetition_type: "OPTIONAL", ...INT64 },
    { name: "nanos", repetition_type: "OPTIONAL", ...INT64 },
    { name: "memory_limit_bytes", repetition_type: "OPTIONAL", ...INT64 },
  ];
  const big = (n: number) => BigInt(n);
  const column = <K extends keyof DeepmindRow>(name: K, map: (v: DeepmindRow[K]) => unknown = (v) => v) => ({
    name,
    data: rows.map((r) => map(r[name])),
  });
  const solutions = (s: DeepmindRow["solutions"]) => ({ language: s.language.map(big), solution: s.solution });
  parquetWriteFile({
    filename: file,
    schema: schema as never,
    rowGroupSize: 2,
    columnData: [
      column("name"),
      column("description"),
      column("public_tests"),
      column("private_tests"),
      column("generated_tests"),
      column("source", big),
      column("difficulty", big),
      column("solutions", solutions),
      column("incorrect_solutions", solutions),
      column("cf_contest_id", big),
      column("cf_index"),
      column("cf_rating", big),
      column("cf_tags"),
      column("time_limit", (t) => (t ? { seconds: big(t.seconds), nanos: big(t.nanos) } : null)),
      column("memory_limit_bytes", big),
    ] as never,
  });
}

// ---- Arrow save_to_disk folder (AlphaCodium's processed CodeContests) ----
const utf8 = () => new Utf8();
const list = (type: DataType) => new List(new Field("item", type, true));
const testsType = () =>
  new Struct([new Field("input", list(utf8()), true), new Field("output", list(utf8()), true), new Field("is_valid_test", list(new Bool()), true)]);

/** AlphaCodium's cleaning stores solution languages as strings and marks invalid tests with is_valid_test. */
export interface ProcessedRow extends Omit<DeepmindRow, "solutions"> {
  solutions: { language: string[]; solution: string[] };
  generatedValid?: boolean[] | null;
}

export function processedRow(i: number, overrides: Partial<ProcessedRow> = {}): ProcessedRow {
  return { ...deepmindRow(i), solutions: { language: ["PYTHON3", "CPP"], solution: ["print(1)", "int main(){}"] }, ...overrides };
}

function arrowTable(rows: ProcessedRow[]): Table {
  const tests = (key: "public_tests" | "private_tests" | "generated_tests") =>
    vectorFromArray(
      rows.map((r) => ({ ...r[key], is_valid_test: key === "generated_tests" ? (r.generatedValid ?? null) : null })),
      testsType(),
    );
  const int = (values: number[]) => vectorFromArray(values.map(BigInt), new Int64());
  return new Table({
    name: vectorFromArray(rows.map((r) => r.name), utf8()),
    description: vectorFromArray(rows.map((r) => r.description), utf8()),
    public_tests: tests("public_tests"),
    private_tests: tests("private_tests"),
    generated_tests: tests("generated_tests"),
    source: int(rows.map((r) => r.source)),
    difficulty: int(rows.map((r) => r.difficulty)),
    solutions: vectorFromArray(
      rows.map((r) => r.solutions),
      new Struct([new Field("language", list(utf8()), true), new Field("solution", list(utf8()), true)]),
    ),
    cf_contest_id: int(rows.map((r) => r.cf_contest_id)),
    cf_index: vectorFromArray(rows.map((r) => r.cf_index), utf8()),
    cf_tags: vectorFromArray(rows.map((r) => r.cf_tags), list(utf8())),
    time_limit: vectorFromArray(
      rows.map((r) => (r.time_limit ? { seconds: BigInt(r.time_limit.seconds), nanos: BigInt(r.time_limit.nanos) } : null)),
      new Struct([new Field("seconds", new Int64(), true), new Field("nanos", new Int64(), true)]),
    ),
    memory_limit_bytes: int(rows.map((r) => r.memory_limit_bytes)),
  });
}

/** Writes `datasets.save_to_disk` output: dataset_dict.json and per-split state.json, dataset_info.json, Arrow streams. */
export function writeSaveToDisk(folder: string, splits: Record<string, ProcessedRow[][]>): void {
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, "dataset_dict.json"), JSON.stringify({ splits: Object.keys(splits) }));
  for (const [split, shards] of Object.entries(splits)) {
    const dir = path.join(folder, split);
    fs.mkdirSync(dir, { recursive: true });
    const names = shards.map((_, i) => `data-${String(i).padStart(5, "0")}-of-${String(shards.length).padStart(5, "0")}.arrow`);
    shards.forEach((rows, i) => fs.writeFileSync(path.join(dir, names[i]), tableToIPC(arrowTable(rows), "stream")));
    fs.writeFileSync(
      path.join(dir, "state.json"),
      JSON.stringify({ _data_files: names.map((filename) => ({ filename })), _fingerprint: "fixture", _split: split }),
    );
    fs.writeFileSync(path.join(dir, "dataset_info.json"), JSON.stringify({ description: "fixture", features: {} }));
  }
}
