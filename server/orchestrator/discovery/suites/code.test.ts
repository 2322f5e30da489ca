import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { CODE_SPECS } from "./code";
import { codeEntries } from "./code";

/**
 * Reference solutions for every built-in code item. They prove each test case's expected value is right
 * (a wrong expected value would fail every model and read as a capability gap). Run with node:vm here
 * because the orchestrator may not import the sandbox; the sandbox has its own tests.
 */
const REFERENCE: Record<string, string> = {
  sumDigits: "(n) => String(n).split('').reduce((s, d) => s + Number(d), 0)",
  reverseString: "(s) => [...s].reverse().join('')",
  isPalindrome: "(s) => s === [...s].reverse().join('')",
  factorial: "(n) => { let r = 1; for (let i = 2; i <= n; i++) r *= i; return r; }",
  fibonacci: "(n) => { let a = 0, b = 1; for (let i = 0; i < n; i++) [a, b] = [b, a + b]; return a; }",
  countVowels: "(s) => (s.match(/[aeiou]/gi) || []).length",
  maxOfArray: "(arr) => Math.max(...arr)",
  gcd: "(a, b) => { while (b) [a, b] = [b, a % b]; return a; }",
  lcm: "(a, b) => { const g = (x, y) => (y ? g(y, x % y) : x); return (a * b) / g(a, b); }",
  isPrime: "(n) => { if (n < 2) return false; for (let i = 2; i * i <= n; i++) if (n % i === 0) return false; return true; }",
  capitalize: "(s) => s.charAt(0).toUpperCase() + s.slice(1)",
  range: "(start, end) => Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i)",
  flattenOnce: "(arr) => [].concat(...arr)",
  unique: "(arr) => [...new Set(arr)]",
  chunk: "(arr, size) => { const out = []; for (let i = 0; i < arr.length; i += size) out.push(arr.slice(i, i + size)); return out; }",
  camelToSnake: "(s) => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())",
  countWords: "(s) => s.split(/\\s+/).filter(Boolean).length",
  fizzBuzz: "(n) => (n % 15 === 0 ? 'FizzBuzz' : n % 3 === 0 ? 'Fizz' : n % 5 === 0 ? 'Buzz' : String(n))",
  clamp: "(x, lo, hi) => Math.min(hi, Math.max(lo, x))",
  sumArray: "(arr) => arr.reduce((s, x) => s + x, 0)",
  average: "(arr) => arr.reduce((s, x) => s + x, 0) / arr.length",
  median: "(arr) => { const s = [...arr].sort((a, b) => a - b); const m = Math.floor(s.length / 2); return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; }",
  isAnagram: "(a, b) => { const k = (s) => [...s.toLowerCase()].sort().join(''); return k(a) === k(b); }",
  removeVowels: "(s) => s.replace(/[aeiou]/gi, '')",
  titleCase: "(s) => s.split(' ').map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join(' ')",
  repeatString: "(s, n) => s.repeat(n)",
  binaryToDecimal: "(s) => parseInt(s, 2)",
  decimalToBinary: "(n) => n.toString(2)",
  digitalRoot: "(n) => { while (n >= 10) n = String(n).split('').reduce((s, d) => s + Number(d), 0); return n; }",
  isLeapYear: "(y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0",
  celsiusToFahrenheit: "(c) => (c * 9) / 5 + 32",
  countOccurrences: "(arr, v) => arr.filter((x) => x === v).length",
  longestWord: "(s) => s.split(' ').reduce((best, w) => (w.length > best.length ? w : best), '')",
  zip: "(a, b) => a.slice(0, Math.min(a.length, b.length)).map((x, i) => [x, b[i]])",
  lastElement: "(arr) => (arr.length ? arr[arr.length - 1] : null)",
  compact: "(arr) => arr.filter(Boolean)",
  intersection: "(a, b) => [...new Set(a.filter((x) => b.includes(x)))]",
  rotateLeft: "(arr, k) => { if (!arr.length) return []; const r = k % arr.length; return [...arr.slice(r), ...arr.slice(0, r)]; }",
  isSorted: "(arr) => arr.every((x, i) => i === 0 || arr[i - 1] <= x)",
  secondLargest: "(arr) => [...new Set(arr)].sort((a, b) => b - a)[1]",
  toRoman: "(n) => { const t = [[1000,'M'],[900,'CM'],[500,'D'],[400,'CD'],[100,'C'],[90,'XC'],[50,'L'],[40,'XL'],[10,'X'],[9,'IX'],[5,'V'],[4,'IV'],[1,'I']]; let out = ''; for (const [v, r] of t) while (n >= v) { out += r; n -= v; } return out; }",
  fromRoman: "(s) => { const v = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 }; let t = 0; for (let i = 0; i < s.length; i++) { const a = v[s[i]], b = v[s[i + 1]] || 0; t += a < b ? -a : a; } return t; }",
  wordFrequency: "(s) => { const out = {}; for (const w of s.split(' ').filter(Boolean)) { const k = w.toLowerCase(); out[k] = (out[k] || 0) + 1; } return out; }",
  sumOfSquares: "(n) => { let s = 0; for (let i = 1; i <= n; i++) s += i * i; return s; }",
  countChar: "(s, c) => s.split(c).length - 1",
  truncate: "(s, n) => (s.length <= n ? s : s.slice(0, n) + '...')",
  transpose: "(m) => m[0].map((_, c) => m.map((row) => row[c]))",
  isPowerOfTwo: "(n) => n > 0 && (n & (n - 1)) === 0",
};

function close(actual: unknown, expected: unknown): boolean {
  if (typeof actual === "number" && typeof expected === "number") return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  return JSON.stringify(actual) === JSON.stringify(expected);
}

describe("built-in code items", () => {
  it("has a reference solution for every item, and every case passes with it", () => {
    expect(Object.keys(REFERENCE).sort()).toEqual(CODE_SPECS.map((s) => s.name).sort());
    for (const entry of codeEntries()) {
      const grader = entry.item.grader;
      if (grader.kind !== "code") throw new Error(entry.item.id);
      const fn = runInNewContext(`(${REFERENCE[grader.functionName] ?? "undefined"})`) as (...args: unknown[]) => unknown;
      for (const { args, expected } of grader.cases) {
        // JSON round trip: results from another vm context compare by value, as in the sandbox
        const actual: unknown = JSON.parse(JSON.stringify(fn(...structuredClone(args)) ?? null));
        expect(close(actual, expected), `${grader.functionName}(${JSON.stringify(args)}) = ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`).toBe(true);
      }
    }
  });

  it("names the function and asks for a fenced block in every prompt", () => {
    for (const { item } of codeEntries()) {
      if (item.grader.kind !== "code") throw new Error(item.id);
      expect(item.prompt).toContain(`\`${item.grader.functionName}(`);
      expect(item.prompt).toMatch(/fenced code block/);
    }
  });
});
