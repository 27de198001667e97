import type { ReactNode } from "react";

/**
 * A stage's parsed answer rendered as structure rather than YAML: lists as bullets, candidate solutions as cards
 * with their tags and complexity, flows as numbered steps, tests as input/output pairs. It works from the shape
 * of the value, so a new stage's output renders without code here.
 */

const ORDERED_KEYS = new Set(["flow", "fixed_flow", "ranking", "input_output_examples_flow"]);
const TAG_KEYS = new Set(["labels", "tags"]);
const CODE_KEYS = new Set(["fixed_code", "code"]);
const TEST_KEYS = new Set(["tests", "tests_explanations", "fixed_tests_explanations", "problem_tests"]);
const INLINE_KEYS = new Set(["complexity"]);

function title(key: string): string {
  return key.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function Text({ value }: { value: string }) {
  return <p className="whitespace-pre-wrap text-sm leading-relaxed">{value}</p>;
}

function Tags({ values }: { values: unknown[] }) {
  return (
    <ul className="flex flex-wrap gap-1" aria-label="tags">
      {values.map((tag, i) => (
        <li key={i} className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200">
          {String(tag)}
        </li>
      ))}
    </ul>
  );
}

function Pre({ children }: { children: ReactNode }) {
  return <pre className="max-h-40 overflow-auto whitespace-pre-wrap rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-800">{children}</pre>;
}

function TestList({ tests }: { tests: unknown[] }) {
  return (
    <ol className="space-y-2">
      {tests.map((test, i) => {
        const t = isRecord(test) ? test : { input: test };
        return (
          <li key={i} className="rounded border border-zinc-200 p-2 dark:border-zinc-800" data-testid="parsed-test">
            <div className="mb-1 text-xs font-medium text-zinc-500">Test {i + 1}</div>
            <div className="grid gap-2 sm:grid-cols-2">
              <div>
                <div className="text-xs text-zinc-500">input</div>
                <Pre>{String(t.input ?? "")}</Pre>
              </div>
              <div>
                <div className="text-xs text-zinc-500">output</div>
                <Pre>{String(t.output ?? "")}</Pre>
              </div>
            </div>
            {t.explanation ? <p className="mt-1 whitespace-pre-wrap text-xs text-zinc-600 dark:text-zinc-400">{String(t.explanation)}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}

function Value({ name, value }: { name: string; value: unknown }): ReactNode {
  if (value === null || value === undefined || value === "") return <p className="text-sm text-zinc-500">—</p>;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    if (CODE_KEYS.has(name)) return <Pre>{String(value)}</Pre>;
    return <Text value={String(value)} />;
  }
  if (Array.isArray(value)) {
    if (TAG_KEYS.has(name)) return <Tags values={value} />;
    if (TEST_KEYS.has(name)) return <TestList tests={value} />;
    if (value.every((item) => !isRecord(item))) {
      const List = ORDERED_KEYS.has(name) ? "ol" : "ul";
      return (
        <List className={`${List === "ol" ? "list-decimal" : "list-disc"} space-y-1 pl-5 text-sm`}>
          {value.map((item, i) => (
            <li key={i} className="whitespace-pre-wrap">
              {String(item)}
            </li>
          ))}
        </List>
      );
    }
    return (
      <div className="grid gap-2 lg:grid-cols-2">
        {value.map((item, i) => (
          <RecordView key={i} value={item} card />
        ))}
      </div>
    );
  }
  if (isRecord(value)) return <RecordView value={value} />;
  return <Text value={String(value)} />;
}

function RecordView({ value, card = false }: { value: unknown; card?: boolean }) {
  if (!isRecord(value)) return <Value name="" value={value} />;
  const { name, ...rest } = value;
  const entries = Object.entries(rest).filter(([key]) => !INLINE_KEYS.has(key));
  const inline = Object.entries(rest).filter(([key]) => INLINE_KEYS.has(key) && rest[key]);
  return (
    <div className={card ? "rounded border border-zinc-200 p-3 dark:border-zinc-800" : ""} data-testid={card ? "parsed-item" : undefined}>
      {name !== undefined || inline.length > 0 ? (
        <div className="mb-2 flex flex-wrap items-baseline gap-2">
          {name !== undefined ? <h4 className="text-sm font-semibold">{String(name)}</h4> : null}
          {inline.map(([key, v]) => (
            <span key={key} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800" title={key}>
              {String(v)}
            </span>
          ))}
        </div>
      ) : null}
      <dl className="space-y-2">
        {entries.map(([key, v]) => (
          <div key={key}>
            <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">{title(key)}</dt>
            <dd className="mt-0.5">
              <Value name={key} value={v} />
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function ParsedOutputView({ output }: { output: unknown }) {
  return (
    <div data-testid="parsed-output">
      <RecordView value={output} />
    </div>
  );
}
