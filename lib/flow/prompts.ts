import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "@/lib/db/url";

/** A value for a template variable: text for `{{name}}`, a boolean for `{{#if name}}`. */
export type PromptValue = string | number | boolean;
export type PromptVars = Record<string, PromptValue>;

export interface RenderedPrompt {
  system: string;
  user: string;
}

export class PromptError extends Error {}

const SECTION = /^<!--\s*(system|user)\s*-->\s*$/m;
const TOKEN = /\{\{\s*(#if|\/if|else)?\s*([A-Za-z_][\w]*)?\s*\}\}/g;

function templateFile(name: string, dir: string): string {
  if (!/^[a-z_]+$/.test(name)) throw new PromptError(`invalid prompt name "${name}"`);
  return path.join(dir, `${name}.md`);
}

/** The system and user parts of a template file, split on `<!-- system -->` and `<!-- user -->` markers. */
export function loadTemplate(name: string, dir = path.join(projectRoot(), "prompts")): RenderedPrompt {
  const file = templateFile(name, dir);
  if (!fs.existsSync(file)) throw new PromptError(`prompt template not found: ${file}`);
  const parts = fs.readFileSync(file, "utf8").split(SECTION);
  const sections: Partial<RenderedPrompt> = {};
  for (let i = 1; i + 1 < parts.length; i += 2) sections[parts[i] as keyof RenderedPrompt] = parts[i + 1].trim();
  if (sections.system === undefined || sections.user === undefined) {
    throw new PromptError(`prompt ${name}: needs a <!-- system --> and a <!-- user --> section`);
  }
  return { system: sections.system, user: sections.user };
}

function renderText(template: string, vars: PromptVars, used: Set<string>, where: string): string {
  let out = "";
  let last = 0;
  const stack: { name: string; on: boolean; inElse: boolean; outerEmit: boolean }[] = [];
  let emit = true;
  for (const match of template.matchAll(TOKEN)) {
    if (emit) out += template.slice(last, match.index);
    last = match.index + match[0].length;
    const [, tag, name] = match;
    if (tag === "#if") {
      if (!name) throw new PromptError(`${where}: {{#if}} without a variable`);
      if (!(name in vars)) throw new PromptError(`${where}: missing variable "${name}"`);
      if (typeof vars[name] !== "boolean") throw new PromptError(`${where}: {{#if ${name}}} needs a boolean`);
      used.add(name);
      stack.push({ name, on: vars[name] as boolean, inElse: false, outerEmit: emit });
      emit = emit && (vars[name] as boolean);
    } else if (tag === "else") {
      const top = stack[stack.length - 1];
      if (!top || top.inElse) throw new PromptError(`${where}: {{else}} outside an {{#if}}`);
      top.inElse = true;
      emit = top.outerEmit && !top.on;
    } else if (tag === "/if") {
      const top = stack.pop();
      if (!top) throw new PromptError(`${where}: {{/if}} without an {{#if}}`);
      emit = top.outerEmit;
    } else if (name) {
      if (!(name in vars)) throw new PromptError(`${where}: missing variable "${name}"`);
      used.add(name);
      if (emit) out += String(vars[name]);
    }
  }
  if (stack.length > 0) throw new PromptError(`${where}: {{#if ${stack[stack.length - 1].name}}} is never closed`);
  if (emit) out += template.slice(last);
  return out.replace(/\n{3,}/g, "\n\n").trim();
}

/**
 * Renders a template strictly: a variable the template names but the caller did not give is an error, and so is
 * a variable the caller gave that the template never names (a renamed placeholder would otherwise vanish).
 */
export function renderTemplate(template: RenderedPrompt, vars: PromptVars, name = "prompt"): RenderedPrompt {
  const used = new Set<string>();
  const rendered = {
    system: renderText(template.system, vars, used, `${name} (system)`),
    user: renderText(template.user, vars, used, `${name} (user)`),
  };
  const unused = Object.keys(vars).filter((key) => !used.has(key));
  if (unused.length > 0) throw new PromptError(`${name}: unused variable(s) ${unused.map((k) => `"${k}"`).join(", ")}`);
  return rendered;
}

const cache = new Map<string, RenderedPrompt>();

/** Renders prompts/<name>.md (read once per process). */
export function renderPrompt(name: string, vars: PromptVars): RenderedPrompt {
  let template = cache.get(name);
  if (!template) {
    template = loadTemplate(name);
    cache.set(name, template);
  }
  return renderTemplate(template, vars, name);
}
