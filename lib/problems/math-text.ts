/** Text with its math spans marked, so a page can typeset them differently. */
export type TextSegment = { type: "text" | "math"; text: string };

/** Codeforces writes math as $$$…$$$; other statements use $…$. Longest delimiter first. */
const MATH = /\$\$\$([^$]+?)\$\$\$|\$([^$\n]+?)\$/g;

export function mathSegments(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(MATH)) {
    if (match.index > last) segments.push({ type: "text", text: text.slice(last, match.index) });
    segments.push({ type: "math", text: readableLatex(match[1] ?? match[2]) });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ type: "text", text: text.slice(last) });
  return segments;
}

const SYMBOLS: Record<string, string> = {
  le: "≤", leq: "≤", ge: "≥", geq: "≥", ne: "≠", neq: "≠", cdot: "⋅", times: "×", dots: "…", ldots: "…",
  cdots: "⋯", to: "→", rightarrow: "→", leftarrow: "←", infty: "∞", sum: "∑", prod: "∏", oplus: "⊕",
  land: "∧", lor: "∨", neg: "¬", in: "∈", notin: "∉", subset: "⊂", subseteq: "⊆", cup: "∪", cap: "∩",
  approx: "≈", equiv: "≡", pm: "±", mid: "∣", lfloor: "⌊", rfloor: "⌋", lceil: "⌈", rceil: "⌉",
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", lambda: "λ", mu: "μ", pi: "π", sigma: "σ",
  phi: "φ", omega: "ω", Delta: "Δ", Sigma: "Σ", max: "max", min: "min", gcd: "gcd", lcm: "lcm", log: "log",
  mod: "mod", bmod: "mod", pmod: "mod", operatorname: "", mathrm: "", text: "", textbf: "", mathbf: "", left: "", right: "",
};

const SUPERSCRIPTS: Record<string, string> = {
  "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
  "+": "⁺", "-": "⁻", n: "ⁿ", i: "ⁱ", k: "ᵏ",
};
const SUBSCRIPTS: Record<string, string> = {
  "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
  "+": "₊", "-": "₋", i: "ᵢ", j: "ⱼ", k: "ₖ", n: "ₙ", m: "ₘ", x: "ₓ",
};

/**
 * Turns the LaTeX of competitive-programming statements into readable Unicode: macros to symbols, `^{…}`/`_{…}`
 * to super/subscripts where Unicode has them, otherwise kept as `^(…)`. Not a typesetter, but nothing is lost.
 */
export function readableLatex(latex: string): string {
  let out = latex
    .replace(/\\[dt]?frac\{([^{}]*)\}\{([^{}]*)\}/g, "($1)/($2)")
    .replace(/\\binom\{([^{}]*)\}\{([^{}]*)\}/g, "C($1, $2)")
    .replace(/\\sqrt\{([^{}]*)\}/g, "√($1)");
  out = out.replace(/\\([a-zA-Z]+)/g, (whole, name: string) => SYMBOLS[name] ?? name);
  out = out.replace(/\\([{}%$&#_,;! ])/g, (_, c: string) => (",;! ".includes(c) ? " " : c));
  out = out.replace(/\^\{([^{}]*)\}|\^(\S)/g, (_, group: string | undefined, single: string | undefined) => script(group ?? single!, SUPERSCRIPTS, "^"));
  out = out.replace(/_\{([^{}]*)\}|_(\S)/g, (_, group: string | undefined, single: string | undefined) => script(group ?? single!, SUBSCRIPTS, "_"));
  return out.replace(/[{}]/g, "").replace(/\s+/g, " ").trim();
}

function script(text: string, table: Record<string, string>, mark: string): string {
  const chars = [...text];
  if (chars.every((c) => table[c])) return chars.map((c) => table[c]).join("");
  return chars.length === 1 ? `${mark}${text}` : `${mark}(${text})`;
}
