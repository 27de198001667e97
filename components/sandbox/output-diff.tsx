"use client";

import { diffLines } from "diff";

/** Expected against actual, line by line: removed lines are what was expected, added lines what the program printed. */
export function OutputDiff({ expected, actual }: { expected: string; actual: string }) {
  const parts = diffLines(expected.endsWith("\n") ? expected : `${expected}\n`, actual.endsWith("\n") ? actual : `${actual}\n`);
  return (
    <pre className="max-h-80 overflow-auto rounded border border-zinc-200 bg-zinc-50 p-2 text-xs leading-5 dark:border-zinc-800 dark:bg-zinc-950">
      {parts.flatMap((part, i) =>
        part.value
          .replace(/\n$/, "")
          .split("\n")
          .map((line, j) => (
            <div
              key={`${i}-${j}`}
              className={
                part.removed
                  ? "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200"
                  : part.added
                    ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
                    : "text-zinc-600 dark:text-zinc-400"
              }
            >
              <span className="mr-2 select-none opacity-60">{part.removed ? "−" : part.added ? "+" : " "}</span>
              {line === "" ? " " : line}
            </div>
          )),
      )}
    </pre>
  );
}
