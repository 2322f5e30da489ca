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

  describe("buffer guards (the child's layer alone: watchdog off)", () => {
    const guardsOnly = createCodeSandbox({ maxConcurrent: 2, memoryPollMs: 0 });
    const unreachable: CodeCase[] = [{ args: [], expected: "unreachable" }];
    const big = "2 ** 28"; // 256 MiB, four times the 64 MB limit

    it("refuses allocations through every route back to the raw constructors", async () => {
      const routes = {
        "instance .constructor": `const C = new Uint8Array(1).constructor; return new C(${big}).fill(1).length;`,
        "ArrayBuffer.prototype.constructor": `const C = ArrayBuffer.prototype.constructor; return new Uint8Array(new C(${big})).fill(1).length;`,
        "buffer .constructor": `const C = new Uint8Array(1).buffer.constructor; return new Uint8Array(new C(${big})).fill(1).length;`,
        "prototype of an instance": `const C = Object.getPrototypeOf(new Float64Array(1)).constructor; return new C(2 ** 25).fill(1).length;`,
        "%TypedArray%.from with a raw this": `const from = Object.getPrototypeOf(Uint8Array).from; return from.call(new Uint8Array(1).constructor, { length: ${big} }).length;`,
        "a proxy trap added to Object.prototype": `let raw; Object.prototype.construct = function (t, a) { raw = t; return Reflect.construct(t, a); }; Object.prototype.get = function (t, k) { raw = raw || t; return Reflect.get(t, k); }; try { new Uint8Array(1); Uint8Array.BYTES_PER_ELEMENT; } finally { delete Object.prototype.construct; delete Object.prototype.get; } const C = raw || Uint8Array; return new C(${big}).fill(1).length;`,
        "a replaced Reflect.construct": `let raw; const real = Reflect.construct; Reflect.construct = (t, a, n) => { raw = t; return real(t, a, n); }; new Uint8Array(1); Reflect.construct = real; const C = raw || Uint8Array; return new C(${big}).fill(1).length;`,
        "a replaced Math.max": `Math.max = () => 0; const b = new ArrayBuffer(1, { maxByteLength: ${big} }); b.resize(${big}); return new Uint8Array(b).fill(1).length;`,
        "a replaced array iterator": `const real = Array.prototype[Symbol.iterator]; Array.prototype[Symbol.iterator] = function* () { yield 1; }; const a = new Uint8Array(${big}); Array.prototype[Symbol.iterator] = real; return a.fill(1).length;`,
        "a function as an array-like": `const g = function () {}; Object.defineProperty(g, "length", { value: ${big} }); return new Uint8Array(g).fill(1).length;`,
        "an object posing as an ArrayBuffer": `const o = Object.create(ArrayBuffer.prototype); o.length = ${big}; return new Uint8Array(o).fill(1).length;`,
        "a typed array with a lying length": `const s = new Uint8Array(60 * 2 ** 20); Object.defineProperty(s, "length", { value: 1 }); return new Float64Array(s).fill(1).length;`,
      };
      for (const [route, body] of Object.entries(routes)) {
        const result = await guardsOnly.runCode(`function sumDigits() { ${body} }`, "sumDigits", unreachable, limits);
        expect(result.passed, route).toBe(0);
        expect(result.error, route).toMatch(/exceeds the sandbox limit/);
      }
    });

    it("reads a size once, so a getter cannot show the check one size and the allocation another", async () => {
      const oneByte: CodeCase[] = [{ args: [], expected: 1 }];
      for (const body of [
        `let n = 0; return new ArrayBuffer({ valueOf() { return n++ ? ${big} : 1; } }).byteLength;`,
        `let n = 0; return new Uint8Array({ get length() { return n++ ? ${big} : 1; } }).length;`,
        `let n = 0; return new ArrayBuffer(1, { get maxByteLength() { return n++ ? ${big} : 1; } }).maxByteLength;`,
      ]) {
        expect(await guardsOnly.runCode(`function sumDigits() { ${body} }`, "sumDigits", oneByte, limits), body).toEqual({ passed: 1, total: 1 });
      }
    });

    it("keeps typed arrays, subclasses and views working, and allows a buffer near the limit", async () => {
      const source = `function sumDigits() {
        class Bytes extends Uint8Array { sum() { return this.reduce((s, x) => s + x, 0); } }
        const b = new Bytes([1, 2, 3]);
        const buf = new ArrayBuffer(16);
        new Float64Array(buf, 8, 1)[0] = 2.5;
        return [b.sum(), b instanceof Bytes, b.slice(1) instanceof Bytes, new Uint8Array(2).constructor === Uint8Array,
          buf.constructor === ArrayBuffer, new Float64Array(buf)[1], new Uint8Array(buf).buffer === buf, new Uint8Array(new Set([4, 5]))[1],
          Uint8Array.from([1, 2], (x) => x * 2)[1], Uint8Array.of(7, 8)[1], new Uint8Array({ length: 2, 0: 9 })[0],
          new BigInt64Array([1n, 2n])[1] === 2n, new Uint8Array(new Uint16Array([300]))[0], new Uint8Array().length,
          new Uint8Array(48 * 2 ** 20).fill(1).length];
      }`;
      const expected = [6, true, true, true, true, 2.5, true, 5, 4, 8, 9, true, 44, 0, 48 * 2 ** 20];
      expect(await sandbox.runCode(source, "sumDigits", [{ args: [], expected }], limits)).toEqual({ passed: 1, total: 1 });
    });
  });

  describe("RSS watchdog (Linux)", () => {
    it.runIf(process.platform === "linux")("kills a child whose resident memory passes the limit, even when each allocation is allowed", async () => {
      // 48 MiB passes the buffer guard (64 MB); 64 + 16 MB allowance is less than Node's ~45 MB plus the buffer
      const tight = createCodeSandbox({ maxConcurrent: 1, memoryAllowanceMb: 16 });
      const result = await tight.runCode("function sumDigits() { const b = new Uint8Array(48 * 2 ** 20).fill(1); for (;;) {} }", "sumDigits", sumCases, { timeoutMs: 3_000, memoryMb: 64 });
      expect(result).toEqual({ passed: 0, total: 3, error: "killed: out of memory" });
    });

    it.runIf(process.platform === "linux")("bounds the total under the default allowance: hoarded buffers and large strings", async () => {
      for (const body of [
        // each 48 MiB buffer is within the limit; twelve of them are not
        "const hoard = []; for (let i = 0; i < 12; i++) hoard.push(new Uint8Array(48 * 2 ** 20).fill(1)); for (;;) {}",
        // a flat 256 MiB string: large strings are not held to --max-old-space-size
        "const s = 'x'.repeat(2 ** 28); s.indexOf('y'); for (;;) {}",
      ]) {
        const result = await sandbox.runCode(`function sumDigits() { ${body} }`, "sumDigits", sumCases, { timeoutMs: 3_000, memoryMb: 64 });
        expect(result, body).toEqual({ passed: 0, total: 3, error: "killed: out of memory" });
      }
    });
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
