import { mathSegments } from "@/lib/problems/math-text";

/** Statement text with its $…$ / $$$…$$$ math set apart in a serif italic, readable without a TeX engine. */
export function MathText({ text }: { text: string }) {
  return (
    <>
      {mathSegments(text).map((segment, i) =>
        segment.type === "math" ? (
          <span key={i} className="whitespace-nowrap font-serif italic text-indigo-900 dark:text-indigo-200">
            {segment.text}
          </span>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
