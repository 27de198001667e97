import { describe, expect, it } from "vitest";
import { extractProblemDraft } from "./extract-examples";

const CODEFORCES_PAGE = `A. Odd Selection
time limit per test
1 second
memory limit per test
256 megabytes
input
standard input
output
standard output
Shivam is the youngest programmer in the world.

Input
The first line contains t.

Output
For each test case, print "Yes" or "No".

Examples
input
Copy
2
1 1
999
output
Copy
Yes
No
input
Copy
1
5
output
Copy
Yes
Note
For 1st case: he must select element 999.
`;

describe("extractProblemDraft", () => {
  it("reads a copied Codeforces page: title, limits, Copy labels, several examples, stops at Note", () => {
    const draft = extractProblemDraft(CODEFORCES_PAGE);
    expect(draft).toMatchObject({
      name: "A. Odd Selection",
      timeLimitMs: 1000,
      memoryLimitMb: 256,
      publicTests: [
        { input: "2\n1 1\n999\n", output: "Yes\nNo\n" },
        { input: "1\n5\n", output: "Yes\n" },
      ],
      warnings: [],
    });
    expect(draft.description.startsWith("Shivam is the youngest")).toBe(true);
  });

  it("reads Sample Input N / Sample Output N layouts where prose follows an output", () => {
    const draft = extractProblemDraft(
      "Count\n\nCount the ones.\n\nInput\n\nN then a line.\n\nSample Input 1\n3\n1 0 1\n\nSample Output 1\n2\n\nThere are two ones.\n\nSample Input 2\n1\n0\n\nSample Output 2\n0\n",
    );
    expect(draft.publicTests).toEqual([
      { input: "3\n1 0 1\n", output: "2\n" },
      { input: "1\n0\n", output: "0\n" },
    ]);
    expect(draft.name).toBe("Count");
  });

  it("keeps blank lines inside a Codeforces example input", () => {
    const draft = extractProblemDraft("Example\n\nInput\n\n2\n\n3\n\nOutput\n\n5\n");
    expect(draft.publicTests).toEqual([{ input: "2\n\n3\n", output: "5\n" }]);
  });

  it("warns about missing examples, unpaired blocks and a missing title", () => {
    expect(extractProblemDraft("You are given an array. Find its sum.").warnings).toEqual([
      "no examples found: add the public tests by hand",
      "no title found: name the problem",
    ]);
    const unpaired = extractProblemDraft("T\n\nExamples\n\nInput\n\n1\n\nOutput\n\n1\n\nInput\n\n2\n");
    expect(unpaired.publicTests).toHaveLength(1);
    expect(unpaired.warnings).toContain("found 2 example inputs but 1 outputs: check the tests");
  });

  it("reads limits in other units and normalises line endings", () => {
    const draft = extractProblemDraft("T\r\ntime limit: 500 ms\r\nmemory limit: 65536 kilobytes\r\nExample\r\nInput\r\n1\r\nOutput\r\n2\r\n");
    expect(draft).toMatchObject({ timeLimitMs: 500, memoryLimitMb: 64, publicTests: [{ input: "1\n", output: "2\n" }] });
  });
});
