import { diffLines } from "diff";

/** Expected vs actual output, line by line: what a failed test got wrong at a glance. */
export function OutputDiff({ expected, actual }: { expected: string; actual: string }) {
  const changes = diffLines(expected.replace(/\s+$/, "") + "\n", actual.replace(/\s+$/, "") + "\n");
  return (
    <div data-testid="output-diff" className="overflow-auto rounded border border-zinc-200 font-mono text-xs dark:border-zinc-800">
      <div className="flex gap-3 border-b border-zinc-200 px-2 py-1 font-sans text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        <span>
          <span className="text-rose-700 dark:text-rose-300">−</span> expected
        </span>
        <span>
          <span className="text-emerald-700 dark:text-emerald-300">+</span> actual
        </span>
      </div>
      {changes.flatMap((change, i) =>
        change.value
          .replace(/\n$/, "")
          .split("\n")
          .map((line, j) => (
            <div
              key={`${i}-${j}`}
              data-change={change.added ? "added" : change.removed ? "removed" : "same"}
              className={`whitespace-pre px-2 ${
                change.added
                  ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
                  : change.removed
                    ? "bg-rose-50 text-rose-900 dark:bg-rose-950 dark:text-rose-200"
                    : ""
              }`}
            >
              <span aria-hidden className="mr-2 select-none text-zinc-400">
                {change.added ? "+" : change.removed ? "−" : " "}
              </span>
              {line}
            </div>
          )),
      )}
    </div>
  );
}
