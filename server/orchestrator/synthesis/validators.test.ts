import { describe, expect, it } from "vitest";
import { checkBalanced, validateFormat } from "./validators";

describe("validateFormat", () => {
  it("json: parses, fenced or not", () => {
    expect(validateFormat("json", '{"a": [1, 2]}').ok).toBe(true);
    expect(validateFormat("json", '```json\n{"a": 1}\n```').ok).toBe(true);
    expect(validateFormat("json", "{a: 1}")).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid JSON/) });
  });

  it("short-answer: an answer is present", () => {
    expect(validateFormat("short-answer", "Answer: 12").ok).toBe(true);
    expect(validateFormat("short-answer", "?!").ok).toBe(false);
  });

  it("code: balanced brackets outside strings and comments, fences closed", () => {
    expect(validateFormat("code", "```ts\nconst s = \"(\"; // ) not code\nfunction f() { return [1, 2]; }\n```").ok).toBe(true);
    expect(validateFormat("code", "```python\n# don't ( worry\ndef f(x):\n    return {'a': (x)}\n```").ok).toBe(true);
    expect(validateFormat("code", "```js\nfunction f() {\n  return 1;\n```")).toMatchObject({ ok: false, reason: 'unclosed "{"' });
    expect(validateFormat("code", "```js\nfunction f() {}")).toMatchObject({ ok: false, reason: "unclosed code fence" });
    expect(validateFormat("code", "x = (1]")).toMatchObject({ ok: false });
  });

  it("list and text", () => {
    expect(validateFormat("list", "Items:\n- a\n- b").ok).toBe(true);
    expect(validateFormat("list", "1. first").ok).toBe(true);
    expect(validateFormat("list", "a, b, c").ok).toBe(false);
    expect(validateFormat("text", "anything").ok).toBe(true);
    expect(validateFormat("text", "   ").ok).toBe(false);
  });

  it("never evaluates code", () => {
    expect(checkBalanced("process.exit(1)").ok).toBe(true);
  });
});
