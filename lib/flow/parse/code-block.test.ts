import { describe, expect, it } from "vitest";
import { extractCode } from "./code-block";

describe("extractCode", () => {
  it("takes the longest block in the target language over an example in another", () => {
    const text = "Usage:\n```bash\necho 1 | python3 sol.py\n```\nCode:\n```python\nimport sys\nprint(sum(map(int, sys.stdin.read().split())))\n```\n```python\nprint(1)\n```";
    expect(extractCode(text, "python3")).toEqual({
      ok: true,
      code: "import sys\nprint(sum(map(int, sys.stdin.read().split())))\n",
      source: "fence",
    });
  });

  it("reads a bare program with a leading language word, prose and a stray fence", () => {
    const text = "python\nHere is my answer\ndef main():\n    print(2)\n\nmain()\n```";
    expect(extractCode(text, "python3")).toEqual({ ok: true, code: "def main():\n    print(2)\n\nmain()\n", source: "bare" });
  });

  it("keeps an unclosed fence (a cut answer) and picks C++ blocks for cpp", () => {
    expect(extractCode("```cpp\n#include <cstdio>\nint main(){}\n", "cpp")).toMatchObject({ ok: true, code: "#include <cstdio>\nint main(){}\n" });
  });

  it("fails clearly when there is no program", () => {
    expect(extractCode("I am not sure.", "python3")).toEqual({ ok: false, error: "the answer holds no python3 program" });
  });
});
