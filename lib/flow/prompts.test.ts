import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadTemplate, renderTemplate } from "./prompts";

const template = { system: "You are {{role}}.", user: "Solve {{name}}.{{#if hint}} Hint: {{hint_text}}{{else}} No hint.{{/if}}" };

describe("prompt rendering", () => {
  it("fills variables and conditional blocks", () => {
    expect(renderTemplate(template, { role: "a judge", name: "A", hint: true, hint_text: "sort" })).toEqual({
      system: "You are a judge.",
      user: "Solve A. Hint: sort",
    });
    expect(renderTemplate(template, { role: "r", name: "A", hint: false, hint_text: "x" }).user).toBe("Solve A. No hint.");
  });

  it("rejects missing and unused variables", () => {
    expect(() => renderTemplate(template, { role: "r", hint: false, hint_text: "" }, "t")).toThrow('t (user): missing variable "name"');
    expect(() => renderTemplate(template, { role: "r", name: "A", hint: false, hint_text: "", extra: "x" }, "t")).toThrow(
      't: unused variable(s) "extra"',
    );
    expect(() => renderTemplate({ system: "{{#if a}}", user: "" }, { a: true })).toThrow(/never closed/);
    expect(() => renderTemplate({ system: "{{#if a}}x{{/if}}", user: "" }, { a: "yes" })).toThrow(/needs a boolean/);
  });

  it("every template in prompts/ has both sections", () => {
    const dir = path.resolve(import.meta.dirname, "..", "..", "prompts");
    const names = fs.readdirSync(dir).filter((f) => f.endsWith(".md") && f !== "README.md").map((f) => f.slice(0, -3));
    expect(names.length).toBeGreaterThanOrEqual(11);
    for (const name of names) expect(loadTemplate(name, dir).user.length).toBeGreaterThan(0);
  });
});
