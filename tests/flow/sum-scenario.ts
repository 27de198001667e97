import type { FixtureProblem } from "./fixtures";
import { fenced } from "./fixtures";

/** A small synthetic problem with a scripted model: used by the stage tests and the flow benchmark. */
export const sumProblem: FixtureProblem = {
  name: "Sum of a list",
  description:
    "Given n integers, print their sum.\n\nInput\n\nThe first line contains n (1 ≤ n ≤ 100). The second line contains n integers a_i (-1000 ≤ a_i ≤ 1000).\n\nOutput\n\nPrint the sum.\n\nExample\n\nInput\n\n3\n1 2 3\n\nOutput\n\n6\n",
  publicTests: [
    { input: "3\n1 2 3\n", output: "6\n" },
    { input: "2\n-5 5\n", output: "0\n" },
  ],
  hiddenTests: [
    { input: "1\n7\n", output: "7\n" },
    { input: "4\n1 1 1 1\n", output: "4\n" },
    { input: "3\n-1 -2 -3\n", output: "-6\n" },
  ],
};

export const rightSum = "import sys\n\ndef main():\n    data = sys.stdin.read().split()\n    n = int(data[0])\n    print(sum(map(int, data[1:1 + n])))\n\nif __name__ == \"__main__\":\n    main()\n";
/** Wrong: the maximum times n - 1. Right on "3\n1 2 3" (3 * 2 = 6), wrong on "2\n-5 5" (5 instead of 0). */
export const maxSum = rightSum.replace("print(sum(map(int, data[1:1 + n])))", "print(max(map(int, data[1:1 + n])) * (n - 1))");

export const reflectAnswer =
  "self_reflection:\n- Read n and then n integers.\n- Print their sum (it may be negative).\ntests_explanations:\n" +
  "- input: |\n    3\n    1 2 3\n  output: |\n    6\n  explanation: 1 + 2 + 3 = 6\n" +
  "- input: |\n    2\n    -5 5\n  output: |\n    0\n  explanation: -5 + 5 = 0\n";

export const solutionsAnswer =
  "possible_solutions:\n- name: Direct sum\n  content: add the numbers while reading them\n  why_it_works: the sum is the definition\n  labels: [implementation]\n  complexity: O(n)\n" +
  "- name: Sorted sum\n  content: sort the numbers, then add them\n  why_it_works: order does not change a sum\n  labels: [sorting]\n  complexity: O(n log n)\n";

export const chooseAnswer =
  "name: Direct sum\ncontent: read n and the numbers, print their sum\nwhy: simplest correct approach\nranking:\n- Direct sum\n- Sorted sum\nflow:\n- read the input\n- print the sum\n";

export const aiTestsAnswer = (tests: [string, string][]) =>
  `tests:\n${tests
    .map(([input, output]) => `- input: |\n${indent(input)}  output: |\n${indent(output)}  explanation: the sum\n`)
    .join("")}`;

export const sumAiTests: [string, string][] = [
  ["1\n5\n", "5\n"],
  ["2\n1000 1000\n", "2000\n"],
  ["3\n-1000 0 1000\n", "0\n"],
];

export const code = (program: string) => fenced(program);

function indent(text: string): string {
  return text.replace(/\n$/, "").split("\n").map((line) => `    ${line}\n`).join("");
}

/** Mock answers for every stage of a flow that solves the sum problem at the first attempt. */
export const solvingSumStages = {
  reflect: [{ content: reflectAnswer }],
  possible_solutions: [{ content: solutionsAnswer }],
  choose_solution: [{ content: chooseAnswer }],
  ai_tests: [{ content: aiTestsAnswer(sumAiTests) }],
  initial_code: [{ content: code(rightSum) }],
};
