import type { TestCase } from "@/lib/problems/schema";

const PREVIEW_CHARS = 4_000;

/** Tests as input/output pre blocks side by side; very long ones are cut so the page stays light. */
export function TestCaseList({ tests }: { tests: TestCase[] }) {
  if (tests.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">No public tests.</p>;
  return (
    <ol className="space-y-3">
      {tests.map((test, i) => (
        <li key={i} className="grid gap-2 sm:grid-cols-2" data-testid="public-test">
          <TestText label={`Input ${i + 1}`} text={test.input} />
          <TestText label={`Output ${i + 1}`} text={test.output} />
        </li>
      ))}
    </ol>
  );
}

function TestText({ label, text }: { label: string; text: string }) {
  const cut = text.length > PREVIEW_CHARS;
  return (
    <div>
      <div className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{label}</div>
      <pre className="mt-1 max-h-64 overflow-auto rounded border border-zinc-200 bg-zinc-50 p-2 text-sm dark:border-zinc-700 dark:bg-zinc-900">
        {cut ? `${text.slice(0, PREVIEW_CHARS)}\n… (${text.length - PREVIEW_CHARS} more characters)` : text}
      </pre>
    </div>
  );
}
