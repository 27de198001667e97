import { statementBlocks } from "@/lib/problems/statement-blocks";
import { MathText } from "./math-text";

export function Statement({ description }: { description: string }) {
  return (
    <div className="space-y-3 leading-relaxed text-zinc-800 dark:text-zinc-200">
      {statementBlocks(description).map((block, i) => {
        switch (block.type) {
          case "heading":
            return (
              <h3 key={i} className="pt-2 text-base font-semibold text-zinc-900 dark:text-zinc-50">
                {block.text}
              </h3>
            );
          case "paragraph":
            return (
              <p key={i}>
                <MathText text={block.text} />
              </p>
            );
          case "list":
            return (
              <ul key={i} className="list-disc space-y-1 pl-6">
                {block.items.map((item, j) => (
                  <li key={j}>
                    <MathText text={item} />
                  </li>
                ))}
              </ul>
            );
          case "pre":
            return (
              <figure key={i}>
                <figcaption className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{block.label}</figcaption>
                <pre className="mt-1 overflow-x-auto rounded border border-zinc-200 bg-zinc-50 p-2 text-sm dark:border-zinc-700 dark:bg-zinc-900">
                  {block.text}
                </pre>
              </figure>
            );
        }
      })}
    </div>
  );
}
