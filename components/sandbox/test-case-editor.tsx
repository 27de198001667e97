"use client";

export interface EditableTest {
  id: number;
  input: string;
  output: string;
}

const field =
  "w-full rounded border border-zinc-300 bg-white p-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950";

export function TestCaseEditor({
  tests,
  onChange,
}: {
  tests: EditableTest[];
  onChange: (tests: EditableTest[]) => void;
}) {
  const update = (id: number, patch: Partial<EditableTest>) =>
    onChange(tests.map((t) => (t.id === id ? { ...t, ...patch } : t)));
  return (
    <div className="space-y-3">
      {tests.map((test, index) => (
        <fieldset key={test.id} className="rounded border border-zinc-200 p-2 dark:border-zinc-800">
          <legend className="flex items-center gap-2 px-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Test {index}
            <button
              type="button"
              onClick={() => onChange(tests.filter((t) => t.id !== test.id))}
              disabled={tests.length === 1}
              className="rounded px-1 text-zinc-500 hover:text-red-600 disabled:opacity-30"
              aria-label={`remove test ${index}`}
            >
              ✕
            </button>
          </legend>
          <div className="grid gap-2 sm:grid-cols-2">
            <label className="text-xs text-zinc-500">
              Input
              <textarea
                className={field}
                rows={4}
                value={test.input}
                onChange={(e) => update(test.id, { input: e.target.value })}
                spellCheck={false}
              />
            </label>
            <label className="text-xs text-zinc-500">
              Expected output (empty: judge the run only)
              <textarea
                className={field}
                rows={4}
                value={test.output}
                onChange={(e) => update(test.id, { output: e.target.value })}
                spellCheck={false}
              />
            </label>
          </div>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => onChange([...tests, { id: Math.max(0, ...tests.map((t) => t.id)) + 1, input: "", output: "" }])}
        className="rounded border border-dashed border-zinc-400 px-3 py-1 text-xs text-zinc-600 hover:bg-zinc-50 dark:text-zinc-300 dark:hover:bg-zinc-900"
      >
        + Add test
      </button>
    </div>
  );
}
