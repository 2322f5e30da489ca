import fc from "fast-check";

/**
 * fast-check arbitraries for hostile input: values of the wrong type, out-of-range numbers, huge and odd
 * strings, deep nesting, prototype-pollution keys, and inputs shaped like a zod schema whose leaves are
 * sometimes right and sometimes wrong (so validation is passed often enough to reach the services).
 */

const HUGE_STRING = "x".repeat(1_000_000);
const HUGE_UNICODE = "é🎉".repeat(150_000);

function deepObject(levels: number): unknown {
  let node: unknown = { leaf: true };
  for (let i = 0; i < levels; i++) node = { nested: node };
  return node;
}

function deepArray(levels: number): unknown {
  let node: unknown = [];
  for (let i = 0; i < levels; i++) node = [node];
  return node;
}

/** Own `__proto__` / `constructor` keys, as JSON.parse makes them: the shape prototype pollution needs. */
export const pollutingObject = (): unknown =>
  JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}');

const oddStrings = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "\uD800",
  "\u202Eevil",
  "__proto__",
  "constructor",
  "NaN",
  "-1",
  "1e999",
  "null",
  "undefined",
  "<script>alert(1)</script>",
  "'; DROP TABLE tasks; --",
  "../../etc/passwd",
  "%00",
  "ens_",
  HUGE_STRING,
  HUGE_UNICODE,
);

const oddNumbers = fc.constantFrom(NaN, Infinity, -Infinity, -0, -1, 0, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE, 2 ** 31, -(2 ** 53));

const oddStructures = fc.constantFrom<unknown>(
  null,
  undefined,
  [],
  {},
  Object.create(null) as unknown,
  deepObject(2_000),
  deepArray(2_000),
  new Array(20_000).fill("a"),
  new Date(NaN),
  new Map([["id", "x"]]),
  new Set(["x"]),
  10n ** 30n,
  true,
  false,
);

/** Any value that should never be accepted where a specific type is expected. */
export const malformedValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: oddStrings },
  { weight: 3, arbitrary: oddNumbers },
  { weight: 3, arbitrary: oddStructures },
  { weight: 1, arbitrary: fc.constant(null).map(pollutingObject) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.double() },
  {
    weight: 2,
    arbitrary: fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true }),
  },
);

/** Minimal view of a zod 4 schema's definition: enough to walk objects, wrappers, arrays, enums and unions. */
interface ZodNode {
  _zod: {
    def: {
      type: string;
      innerType?: ZodNode;
      in?: ZodNode;
      shape?: Record<string, ZodNode>;
      element?: ZodNode;
      options?: ZodNode[];
      entries?: Record<string, string | number>;
      values?: unknown[];
      items?: ZodNode[];
    };
  };
}

function isZodNode(value: unknown): value is ZodNode {
  return typeof value === "object" && value !== null && "_zod" in value;
}

/**
 * Values shaped by the schema: objects with the schema's keys (some omitted, some extra polluting keys),
 * leaves plausible most of the time and malformed otherwise. `plausibleStrings` feeds known ids so that
 * well-formed inputs reach real rows (and unknown ones hit "not found").
 */
export function shapedBy(schema: unknown, plausibleStrings: fc.Arbitrary<string>, depth = 0): fc.Arbitrary<unknown> {
  if (!isZodNode(schema) || depth > 6) return malformedValue;
  const def = schema._zod.def;
  const next = (node: ZodNode | undefined) => shapedBy(node, plausibleStrings, depth + 1);
  const sometimesWrong = (right: fc.Arbitrary<unknown>) => fc.oneof({ weight: 9, arbitrary: right }, { weight: 1, arbitrary: malformedValue });

  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return fc.oneof({ weight: 6, arbitrary: next(def.innerType) }, { weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant(null) });
    case "pipe":
      return next(def.in);
    case "object": {
      const fields = Object.fromEntries(Object.entries(def.shape ?? {}).map(([key, node]) => [key, next(node)]));
      const record = fc.record(fields, { requiredKeys: [] });
      return sometimesWrong(
        fc.tuple(record, fc.boolean()).map(([value, pollute]) => (pollute ? Object.assign(pollutingObject() as object, value) : value)),
      );
    }
    case "array":
      return sometimesWrong(fc.array(next(def.element), { maxLength: 4 }));
    case "tuple":
      return sometimesWrong(fc.tuple(...(def.items ?? []).map(next)));
    case "enum":
      return sometimesWrong(fc.constantFrom(...Object.values(def.entries ?? { none: "none" })));
    case "literal":
      return sometimesWrong(fc.constantFrom(...(def.values ?? [null])));
    case "union":
      return (def.options ?? []).length ? fc.oneof(...(def.options ?? []).map(next)) : malformedValue;
    case "string":
      return sometimesWrong(fc.oneof(plausibleStrings, fc.string({ maxLength: 30 })));
    case "number":
      return sometimesWrong(fc.oneof(fc.integer({ min: -5, max: 1_000 }), fc.double({ min: 0, max: 1, noNaN: true })));
    case "boolean":
      return sometimesWrong(fc.boolean());
    default:
      return malformedValue;
  }
}

/** What a procedure's input gets thrown at it: anything at all, or something shaped like its schema. */
export function hostileInput(schema: unknown, plausibleStrings: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 1, arbitrary: malformedValue }, { weight: 3, arbitrary: shapedBy(schema, plausibleStrings) });
}

type Path = (string | number)[];

/** Every path inside a JSON-like value (containers included, so whole sub-objects get replaced too). */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (typeof value === "object" && value !== null) return [prefix, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return [prefix];
}

function withValueAt(example: unknown, path: Path, replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(example);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) delete node[last];
  else node[last] = replacement;
  return copy;
}

/**
 * A valid example with one part replaced by something hostile or removed: reaches each field's check
 * with everything else right, and the services with valid-but-odd values.
 */
export function nearlyValid(example: unknown, plausibleStrings: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const replacement = fc.oneof(malformedValue, plausibleStrings, fc.string({ maxLength: 20 }), fc.integer({ min: -10, max: 100_000 }), fc.double({ noNaN: true }), fc.boolean());
  return fc
    .tuple(fc.constantFrom(...pathsOf(example)), replacement, fc.integer({ min: 0, max: 4 }))
    .map(([path, value, roll]) => withValueAt(example, path, value, roll === 0 && path.length > 0));
}
