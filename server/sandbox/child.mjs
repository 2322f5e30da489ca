// The sandbox child: evaluates a model's JavaScript in a fresh node:vm context and runs its test cases.
// It runs in its own process (spawned by runner.ts with a heap cap, a hard kill timer, an empty
// environment and, where Node supports it, the permission model), so a hostile or broken answer can at
// worst crash or hang THIS process. Plain .mjs on purpose: it must start without tsx or a bundler.
//
// Protocol: stdin carries one JSON object {source, functionName, cases: [{args, expected}], timeoutMs, memoryMb};
// stdout receives one JSON object {passed, total, error?}. Nothing else is written to stdout.
import vm from "node:vm";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

// Installed before the model's code runs. It captures the context's own JSON functions, so the answer
// cannot change how its results are reported, and it hands back only strings: no object created inside
// the context is ever touched by this process's code (that is how vm sandboxes are usually escaped).
//
// Binary buffers live outside the V8 heap, so --max-old-space-size does not cap them: the harness also
// wraps ArrayBuffer and the typed-array constructors to refuse allocations above the memory limit, and
// removes SharedArrayBuffer and WebAssembly (whose Memory objects allocate without compiling anything).
// The wrappers must leave no way back to the raw constructors and no way to make them size one thing and
// allocate another:
// - every raw `prototype.constructor` (reached by `x.constructor`, `buffer.constructor`, species lookups)
//   is pinned to the wrapper, non-writable and non-configurable;
// - the proxy handlers have a null prototype (a trap added to Object.prototype would otherwise receive the
//   raw constructor as its target) and everything they call is captured before the answer runs;
// - arguments are converted exactly once and the raw constructor receives the converted primitives, so a
//   `valueOf`/`length`/`maxByteLength` getter cannot report a small size to the check and a large one to
//   the allocation; buffers and typed arrays are recognised by brand (internal slots), not by prototype;
// - array-likes and iterables are collected (and refused as they grow) before anything is allocated.
// Each check is per allocation; the runner's RSS watchdog bounds the total (see README "Layers").
const harness = (maxBytes) => `(() => {
  "use strict";
  const MAX_BYTES = ${maxBytes};
  const { apply, construct, defineProperty, getOwnPropertyDescriptor, getPrototypeOf, setPrototypeOf } = Reflect;
  const ProxyOf = Proxy;
  const NumberOf = Number;
  const TypeErrorOf = TypeError;
  const RangeErrorOf = RangeError;
  const ITERATOR = Symbol.iterator;
  const MAX_LENGTH = 9007199254740991;
  const refuse = (bytes) => {
    if (bytes > MAX_BYTES) throw new RangeErrorOf("allocation of " + bytes + " bytes exceeds the sandbox limit");
  };
  const isObject = (value) => value !== null && (typeof value === "object" || typeof value === "function");
  // ToNumber, once; the raw constructor then applies its own ToIndex to the primitive
  const toNumber = (value) => {
    if (typeof value === "bigint") throw new TypeErrorOf("Cannot convert a BigInt value to a number");
    return NumberOf(value);
  };
  const toLength = (value) => {
    const n = toNumber(value);
    if (!(n > 0)) return 0;
    return n >= MAX_LENGTH ? MAX_LENGTH : n - (n % 1);
  };
  const RawArrayBuffer = ArrayBuffer;
  const TypedArray = getPrototypeOf(Uint8Array);
  const bufferByteLength = getOwnPropertyDescriptor(RawArrayBuffer.prototype, "byteLength").get;
  const typedArrayLength = getOwnPropertyDescriptor(TypedArray.prototype, "length").get;
  const isArrayBuffer = (value) => {
    try { apply(bufferByteLength, value, []); return true; } catch { return false; }
  };
  const typedLengthOf = (value) => {
    try { return apply(typedArrayLength, value, []); } catch { return -1; }
  };
  // Proxy(Raw) whose construct trap builds with the raw constructor and then applies new.target's prototype
  // (so subclasses still work) without ever handing the raw constructor to the answer's code
  const wrap = (Raw, make) => {
    const rawPrototype = Raw.prototype;
    const handler = { __proto__: null };
    const wrapper = new ProxyOf(Raw, handler);
    handler.construct = (target, args, newTarget) => {
      let prototype = rawPrototype;
      if (newTarget !== wrapper) {
        const candidate = newTarget.prototype;
        if (isObject(candidate)) prototype = candidate;
      }
      const made = make(args);
      if (prototype !== rawPrototype) setPrototypeOf(made, prototype);
      return made;
    };
    defineProperty(rawPrototype, "constructor", { __proto__: null, value: wrapper, writable: false, enumerable: false, configurable: false });
    return wrapper;
  };
  for (const method of ["transfer", "transferToFixedLength"]) {
    const original = RawArrayBuffer.prototype[method];
    if (typeof original === "function") {
      defineProperty(RawArrayBuffer.prototype, method, {
        __proto__: null,
        value: function (length) {
          if (length === undefined) return apply(original, this, []);
          const bytes = toNumber(length);
          refuse(bytes);
          return apply(original, this, [bytes]);
        },
        writable: false, enumerable: false, configurable: false,
      });
    }
  }
  globalThis.ArrayBuffer = wrap(RawArrayBuffer, (args) => {
    const length = toNumber(args[0]);
    const options = args[1];
    const max = isObject(options) ? options.maxByteLength : undefined;
    refuse(length);
    if (max === undefined) return construct(RawArrayBuffer, [length]);
    const maxByteLength = toNumber(max);
    refuse(maxByteLength);
    return construct(RawArrayBuffer, [length, { __proto__: null, maxByteLength }]);
  });
  for (const name of ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array",
    "Uint32Array", "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"]) {
    const Raw = globalThis[name];
    if (typeof Raw !== "function") continue;
    const size = Raw.BYTES_PER_ELEMENT;
    const allocate = (length) => {
      refuse(length * size);
      return construct(Raw, [length]);
    };
    globalThis[name] = wrap(Raw, (args) => {
      const source = args[0];
      if (!isObject(source)) return allocate(toNumber(source));
      // a view on an existing buffer allocates nothing
      if (isArrayBuffer(source)) return construct(Raw, [source, args[1], args[2]]);
      const typedLength = typedLengthOf(source);
      if (typedLength >= 0) {
        refuse(typedLength * size);
        return construct(Raw, [source]);
      }
      const method = source[ITERATOR];
      if (method === undefined || method === null) {
        const length = toLength(source.length);
        const made = allocate(length);
        for (let i = 0; i < length; i++) made[i] = source[i];
        return made;
      }
      if (typeof method !== "function") throw new TypeErrorOf("Symbol.iterator is not a function");
      const iterator = apply(method, source, []);
      if (!isObject(iterator)) throw new TypeErrorOf("Result of the Symbol.iterator method is not an object");
      const next = iterator.next;
      const values = [];
      setPrototypeOf(values, null);
      let count = 0;
      for (;;) {
        const step = apply(next, iterator, []);
        if (!isObject(step)) throw new TypeErrorOf("Iterator result is not an object");
        if (step.done) break;
        refuse((count + 1) * size);
        values[count++] = step.value;
      }
      const made = allocate(count);
      for (let i = 0; i < count; i++) made[i] = values[i];
      return made;
    });
  }
  delete globalThis.SharedArrayBuffer;
  delete globalThis.WebAssembly;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const describe = (error) => {
    try { return String(error !== null && typeof error === "object" && "message" in error ? error.message : error).slice(0, 300); }
    catch { return "threw an unprintable value"; }
  };
  const run = (fn, argsJson) => {
    if (typeof fn !== "function") return stringify({ status: "missing" });
    try {
      const value = fn(...parse(argsJson));
      if (value !== null && (typeof value === "object" || typeof value === "function") && typeof value.then === "function") {
        return stringify({ status: "invalid", error: "returned a Promise (the function must be synchronous)" });
      }
      if (value === undefined) return stringify({ status: "undefined" });
      return stringify({ status: "ok", json: stringify(value) });
    } catch (error) {
      return stringify({ status: "error", error: describe(error) });
    }
  };
  Object.defineProperty(globalThis, "__ensembleRun__", { value: run, writable: false, configurable: false, enumerable: false });
  const noop = () => {};
  globalThis.console = { log: noop, info: noop, warn: noop, error: noop, debug: noop };
  globalThis.module = { exports: {} };
  globalThis.exports = globalThis.module.exports;
})();`;

function deepEqual(actual, expected) {
  if (typeof actual === "number" && typeof expected === "number") {
    // floating-point results (37 °C → 98.60000000000001 °F) count as equal to the written value
    return actual === expected || Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((v, i) => deepEqual(actual[i], v));
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return false;
    const keys = Object.keys(expected);
    return Object.keys(actual).length === keys.length && keys.every((k) => Object.hasOwn(actual, k) && deepEqual(actual[k], expected[k]));
  }
  return actual === expected;
}

function describeHostError(error) {
  try {
    const message = error !== null && typeof error === "object" && "message" in error ? error.message : error;
    return String(message).slice(0, 300);
  } catch {
    return "threw an unprintable value";
  }
}

const isTimeout = (error) => error !== null && typeof error === "object" && error.code === "ERR_SCRIPT_EXECUTION_TIMEOUT";

function preview(json) {
  return json.length > 120 ? `${json.slice(0, 117)}...` : json;
}

function main(input) {
  const cases = Array.isArray(input.cases) ? input.cases : [];
  const total = cases.length;
  const started = performance.now();
  const remaining = () => Math.max(1, Math.floor(input.timeoutMs - (performance.now() - started)));
  if (!IDENTIFIER.test(String(input.functionName))) return { passed: 0, total, error: "invalid function name" };
  const name = input.functionName;

  // a null-prototype global: nothing reachable from `this` leads back to this process's Function
  const context = vm.createContext(Object.create(null), {
    name: "answer",
    codeGeneration: { strings: false, wasm: false },
    microtaskMode: "afterEvaluate",
  });
  const maxBytes = Math.max(1, Math.floor(Number(input.memoryMb) || 64)) * 1024 * 1024;
  vm.runInContext(harness(maxBytes), context, { timeout: remaining() });

  let script;
  try {
    script = new vm.Script(String(input.source), { filename: "answer.js" });
  } catch (error) {
    return { passed: 0, total, error: `syntax error: ${describeHostError(error)}` };
  }
  try {
    script.runInContext(context, { timeout: remaining() });
  } catch (error) {
    return { passed: 0, total, error: isTimeout(error) ? "timed out while loading the code" : `the code threw while loading: ${describeHostError(error)}` };
  }

  const lookup =
    `(typeof ${name} === "function" ? ${name} : ` +
    `(module.exports && typeof module.exports.${name} === "function" ? module.exports.${name} : ` +
    `(typeof module.exports === "function" ? module.exports : undefined)))`;
  let passed = 0;
  let firstFailure;
  for (const [index, testCase] of cases.entries()) {
    const call = `__ensembleRun__(${lookup}, ${JSON.stringify(JSON.stringify(testCase.args ?? []))})`;
    let outcome;
    try {
      const out = vm.runInContext(call, context, { timeout: remaining() });
      outcome = typeof out === "string" ? JSON.parse(out) : { status: "error", error: "the harness was tampered with" };
    } catch (error) {
      if (isTimeout(error)) return { passed, total, error: `timed out on case ${index + 1}` };
      outcome = { status: "error", error: describeHostError(error) };
    }
    if (outcome.status === "missing") return { passed: 0, total, error: `no function named ${name} was defined` };
    let failure;
    if (outcome.status === "ok") {
      const actual = JSON.parse(outcome.json);
      if (deepEqual(actual, testCase.expected)) passed++;
      else failure = `expected ${preview(JSON.stringify(testCase.expected))}, got ${preview(outcome.json)}`;
    } else if (outcome.status === "undefined") {
      failure = `expected ${preview(JSON.stringify(testCase.expected))}, got undefined`;
    } else if (outcome.status === "invalid") {
      failure = outcome.error;
    } else {
      failure = `threw ${outcome.error}`;
    }
    if (failure && !firstFailure) firstFailure = `case ${index + 1} ${failure}`;
  }
  return firstFailure ? { passed, total, error: firstFailure } : { passed, total };
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
let result;
try {
  result = main(JSON.parse(Buffer.concat(chunks).toString("utf8")));
} catch (error) {
  result = { passed: 0, total: 0, error: `sandbox error: ${describeHostError(error)}` };
}
process.stdout.write(JSON.stringify(result));
