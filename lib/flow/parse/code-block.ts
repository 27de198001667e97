import { fencedBlocks } from "./unwrap";
import type { Language } from "../schemas";

const TAGS: Record<Language, readonly string[]> = {
  python3: ["python", "python3", "py", "py3"],
  cpp: ["cpp", "c++", "cc", "cxx", "c", "cpp17"],
};

const CODE_START: Record<Language, RegExp> = {
  python3: /^(import |from \S+ import |def |class |#|@|if __name__|[A-Za-z_][\w, ]*\s*=|for |while |print\(|sys\.)/,
  cpp: /^(#include|#define|using |int |long |void |const |typedef |template|struct |class |\/\/|\/\*)/,
};

export type CodeExtraction = { ok: true; code: string; source: "fence" | "bare" } | { ok: false; error: string };

/**
 * The program in a code answer: the longest fenced block tagged with the target language (models often add a
 * short usage example in another block), else the longest untagged block, else the bare text without a leading
 * language word, prose before the first code-looking line, stray fences and a trailing "stop".
 */
export function extractCode(text: string, language: Language): CodeExtraction {
  const normalised = text.replace(/\r\n?/g, "\n");
  const blocks = fencedBlocks(normalised).filter((block) => block.body.trim() !== "");
  const tagged = blocks.filter((block) => TAGS[language].includes(block.language));
  const pool = tagged.length > 0 ? tagged : blocks.filter((block) => block.language === "");
  if (pool.length > 0) {
    const longest = pool.reduce((best, block) => (block.body.length > best.body.length ? block : best));
    return { ok: true, code: `${longest.body.replace(/\s+$/, "")}\n`, source: "fence" };
  }
  let lines = normalised.split("\n").filter((line) => !/^\s{0,3}(```|~~~)/.test(line));
  if (lines[0]?.trim().toLowerCase() === (language === "cpp" ? "cpp" : "python")) lines = lines.slice(1);
  const start = lines.findIndex((line) => CODE_START[language].test(line));
  if (start < 0) return { ok: false, error: `the answer holds no ${language} program` };
  const body = lines.slice(start).join("\n").replace(/\s+$/, "").replace(/\n\s*stop$/i, "");
  return { ok: true, code: `${body}\n`, source: "bare" };
}
