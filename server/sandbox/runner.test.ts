import { describe, expect, it } from "vitest";
import type { CodeCase } from "@/server/orchestrator/discovery/suite-types";
import { createCodeSandbox } from "./runner";

const sandbox = createCodeSandbox({ maxConcurrent: 2 });
const limits = { timeoutMs: 1_000, memoryMb: 64 };
const sumCases: CodeCase[] = [
  { args: [0], expected: 0 },
  { args: [123], expected: 6 },
  { args: [9999], expected: 36 },
];

describe("code sandbox", () => {
  it("passes a correct function taken from a fenced block", async () => {
    const reply = "Here you go:\n```javascript\nexport function sumDigits(n) {\n  return String(n).split('').reduce((s, d) => s + Number(d), 0);\n}\n```\nUsage: sumDigits(12)";
    expect(await sandbox.runCode(reply, "sumDigits", sumCases, limits)).toEqual({ passed: 3, total: 3 });
  });

  it("accepts arrow functions, module.exports and structured results", async () => {
    expect(await sandbox.runCode("const sumDigits = (n) => [...String(n)].reduce((s, d) => s + +d, 0);", "sumDigits", sumCases, limits)).toEqual({ passed: 3, total: 3 });
    expect(await sandbox.runCode("module.exports = function pairs(a) { return a.map((x, i) => [i, x]); }", "pairs", [{ args: [["a", "b"]], expected: [[0, "a"], [1, "b"]] }], limits)).toEqual({ passed: 1, total: 1 });
  });

  it("fails a wrong function with counts and the first mismatch", async () => {
    const result = await sandbox.runCode("function sumDigits(n) { return n % 10; }", "sumDigits", sumCases, limits);
    expect(result.passed).toBe(1);
    expect(result.total).toBe(3);
    expect(result.error).toMatch(/case 2 expected 6, got 3/);
  });

  it("reports syntax errors and a missing function", async () => {
    expect((await sandbox.runCode("function sumDigits(n) { return ", "sumDigits", sumCases, limits)).error).toMatch(/syntax error/);
    expect((await sandbox.runCode("function other() {}", "sumDigits", sumCases, limits)).error).toMatch(/no function named sumDigits/);
  });

  it("stops an infinite loop within the limit", async () => {
    const started = Date.now();
    const result = await sandbox.runCode("function sumDigits(n) { while (true) {} }", "sumDigits", sumCases, { timeoutMs: 500, memoryMb: 64 });
    const elapsed = Date.now() - started;
    console.log(`infinite loop stopped after ${elapsed} ms: ${result.error}`);
    expect(result).toMatchObject({ passed: 0, total: 3, error: expect.stringMatching(/timed out|killed/) });
    expect(elapsed).toBeLessThan(500 + 1_000 + 500);
  });

  it("kills a loop the vm timeout cannot reach, by the wall clock", async () => {
    // thrown while loading, this getter is read by the child's own error reporting, outside any vm timeout
    const started = Date.now();
    const result = await sandbox.runCode(
      "throw { get message() { for (;;) {} } };",
      "sumDigits",
      sumCases,
      { timeoutMs: 300, memoryMb: 64 },
    );
    expect(result.passed).toBe(0);
    expect(result.error).toMatch(/killed: no result within 1300 ms/);
    expect(Date.now() - started).toBeLessThan(300 + 1_000 + 500);
  });

  it("kills a memory bomb", async () => {
    const result = await sandbox.runCode(
      "function sumDigits() { const hoard = []; for (;;) hoard.push(new Array(100000).fill(1.5)); }",
      "sumDigits",
      sumCases,
      { timeoutMs: 5_000, memoryMb: 64 },
    );
    console.log(`memory bomb: ${result.error}`);
    expect(result).toMatchObject({ passed: 0, total: 3, error: expect.stringMatching(/out of memory|killed/) });
  });

  it("refuses binary buffers beyond the memory limit (they live outside the V8 heap) but allows small ones", async () => {
    for (const bomb of [
      "function sumDigits() { return new Uint8Array(2 ** 30).fill(1).length; }",
      "function sumDigits() { return new ArrayBuffer(1, { maxByteLength: 2 ** 31 }).byteLength; }",
      "function sumDigits() { return Float64Array.from({ length: 2 ** 28 }).length; }",
      "function sumDigits() { return new WebAssembly.Memory({ initial: 16000 }).buffer.byteLength; }",
    ]) {
      const result = await sandbox.runCode(bomb, "sumDigits", [{ args: [], expected: 1 }], limits);
      expect(result.passed, bomb).toBe(0);
      expect(result.error, bomb).toMatch(/exceeds the sandbox limit|WebAssembly is not defined/);
    }
    const sieve = "function sumDigits(n) { const seen = new Uint8Array(10); let s = 0; for (const d of String(n)) { seen[Number(d)]++; s += Number(d); } return s; }";
    expect(await sandbox.runCode(sieve, "sumDigits", sumCases, limits)).toEqual({ passed: 3, total: 3 });
  });

  it("gives the code no process, require, code generation or file system", async () => {
    const attempts = [
      "function sumDigits() { process.exit(0); }",
      "function sumDigits() { return require('fs').readFileSync('/etc/passwd', 'utf8'); }",
      "function sumDigits() { return this.constructor.constructor('return process')().pid; }",
      "function sumDigits() { return (function () { return this; })().constructor.constructor('return process')().pid; }",
      "function sumDigits() { return eval('1 + 1'); }",
      "function sumDigits() { return typeof fetch + typeof setTimeout + typeof globalThis.process; }",
    ];
    for (const source of attempts) {
      const result = await sandbox.runCode(source, "sumDigits", [{ args: [], expected: "pwned" }], limits);
      expect(result.passed, source).toBe(0);
      expect(result.error, source).toBeDefined();
    }
    const probe = await sandbox.runCode("function probe() { return [typeof require, typeof process, typeof fetch, typeof setTimeout]; }", "probe", [{ args: [], expected: ["undefined", "undefined", "undefined", "undefined"] }], limits);
    expect(probe).toEqual({ passed: 1, total: 1 });
  });

  it("leaves the parent healthy after hostile runs, and runs in parallel under the cap", async () => {
    const before = process.memoryUsage().heapUsed;
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) => sandbox.runCode(`function sumDigits(n) { return ${i} + String(n).split('').reduce((s, d) => s + Number(d), 0) - ${i}; }`, "sumDigits", sumCases, limits)),
    );
    expect(results.every((r) => r.passed === 3)).toBe(true);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
    expect(typeof process.pid).toBe("number");
  });
});
