import { z } from "zod";
import { capabilitySchema } from "../spec";

/**
 * Capability suites: sets of items whose answers can be graded without a person. Built-in suites are
 * generated in code (discovery/suites); operators add their own from the UI, validated by these schemas,
 * so an item that cannot be graded is refused at the boundary instead of failing later in a discovery run.
 *
 * Where the expected answer lives: exact, numeric and label items keep it in `item.expected` (one field an
 * operator types, and the string registered as the answer key); code, json, chrf and rubric graders carry
 * their own references (test cases, fields, reference text, criteria) inside the grader spec.
 */

export const jsonValueSchema = z.json();
export type JsonValue = z.infer<typeof jsonValueSchema>;

/** Identifiers that can be looked up in a sandbox's global scope: no property paths, no expressions. */
const JS_IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export const codeCaseSchema = z.object({
  args: z.array(jsonValueSchema),
  expected: jsonValueSchema,
});
export type CodeCase = z.infer<typeof codeCaseSchema>;

export const JSON_FIELD_TYPES = ["string", "number", "integer", "boolean", "array", "object", "null"] as const;
export type JsonFieldType = (typeof JSON_FIELD_TYPES)[number];

export const exactGraderSchema = z.object({
  kind: z.literal("exact"),
  /** other spellings that also count ("Shakespeare" for "William Shakespeare") */
  alternatives: z.array(z.string().trim().min(1)).max(20).optional(),
});

export const numericGraderSchema = z.object({
  kind: z.literal("numeric"),
  /** absolute tolerance; 0 for integer answers so off-by-one slips fail */
  tolerance: z.number().min(0).default(0),
});

export const labelGraderSchema = z.object({
  kind: z.literal("label"),
  labels: z.array(z.string().trim().min(1)).min(2).max(50),
});

export const codeGraderSchema = z.object({
  kind: z.literal("code"),
  language: z.literal("javascript").default("javascript"),
  functionName: z.string().regex(JS_IDENTIFIER, "must be a plain JavaScript identifier"),
  cases: z.array(codeCaseSchema).min(1).max(50),
  /** CPU budget for the whole run inside the sandbox (the hard kill adds a start-up allowance) */
  timeoutMs: z.number().int().min(50).max(10_000).optional(),
});

export const jsonGraderSchema = z.object({
  kind: z.literal("json"),
  /** a JSON-Schema subset: top-level fields with a type each, and which must be present */
  schema: z.object({
    properties: z.record(z.string().min(1), z.object({ type: z.enum(JSON_FIELD_TYPES) })),
    required: z.array(z.string().min(1)).default([]),
  }),
  /** field values the answer must match (strings compared case- and space-insensitively) */
  expected: z.record(z.string().min(1), jsonValueSchema).default({}),
});

export const chrfGraderSchema = z.object({
  kind: z.literal("chrf"),
  reference: z.string().trim().min(1),
  /** other correct renderings (tu/vous, word order); the best-matching reference counts */
  alternatives: z.array(z.string().trim().min(1)).max(10).optional(),
  /** pass mark on the usual 0..100 chrF scale; the grade's score is chrF / 100 */
  threshold: z.number().min(0).max(100),
});

export const rubricGraderSchema = z.object({
  kind: z.literal("rubric"),
  /** what the judge model checks, in plain words */
  criteria: z.string().trim().min(1),
});

export const graderSpecSchema = z.discriminatedUnion("kind", [
  exactGraderSchema,
  numericGraderSchema,
  labelGraderSchema,
  codeGraderSchema,
  jsonGraderSchema,
  chrfGraderSchema,
  rubricGraderSchema,
]);
export type GraderSpec = z.infer<typeof graderSpecSchema>;
export type GraderKind = GraderSpec["kind"];
export type GraderOf<K extends GraderKind> = Extract<GraderSpec, { kind: K }>;

/** Grader kinds whose answer is a short string: these items are answer-keyed for simulated models. */
export const KEYED_GRADER_KINDS: readonly GraderKind[] = ["exact", "numeric", "label"];

export const suiteItemShape = z.object({
  id: z.string().trim().min(1).max(120),
  capability: capabilitySchema,
  prompt: z.string().trim().min(1).max(20_000),
  grader: graderSpecSchema,
  /** the expected answer for exact, numeric and label graders */
  expected: z.string().trim().min(1).max(2_000).optional(),
  /** extra guidance appended to a rubric grader's criteria (e.g. what to forgive) */
  rubric: z.string().trim().min(1).max(4_000).optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
});

/** Problems that make an item ungradable, or an empty list. Shared by the schema and the graders. */
export function itemProblems(item: z.infer<typeof suiteItemShape>): string[] {
  const problems: string[] = [];
  const { grader, expected } = item;
  if ((grader.kind === "exact" || grader.kind === "numeric" || grader.kind === "label") && expected === undefined) {
    problems.push(`a ${grader.kind} item needs an expected answer`);
  }
  if (grader.kind === "numeric" && expected !== undefined && !Number.isFinite(Number(expected.replace(/,/g, "")))) {
    problems.push(`expected answer "${expected}" is not a number`);
  }
  if (grader.kind === "label" && expected !== undefined) {
    const labels = grader.labels.map((l) => l.toLowerCase());
    if (!labels.includes(expected.toLowerCase())) problems.push(`expected label "${expected}" is not one of ${grader.labels.join(", ")}`);
  }
  if (grader.kind === "json") {
    const fields = Object.keys(grader.schema.properties);
    for (const name of [...grader.schema.required, ...Object.keys(grader.expected)]) {
      if (!fields.includes(name)) problems.push(`field "${name}" is not declared in the schema`);
    }
  }
  return problems;
}

export const suiteItemSchema = suiteItemShape.superRefine((item, ctx) => {
  for (const message of itemProblems(item)) ctx.addIssue({ code: "custom", message, path: ["expected"] });
});
export type SuiteItem = z.infer<typeof suiteItemSchema>;
/** What an operator writes: defaults (tolerance, required fields) may be left out. */
export type SuiteItemInput = z.input<typeof suiteItemSchema>;

export const suiteSchema = z
  .object({
    id: z.string().trim().min(1).max(80),
    name: z.string().trim().min(1).max(120),
    capability: capabilitySchema,
    items: z.array(suiteItemSchema),
    builtin: z.boolean(),
  })
  .superRefine((suite, ctx) => {
    const seen = new Set<string>();
    suite.items.forEach((item, index) => {
      if (seen.has(item.id)) ctx.addIssue({ code: "custom", message: `duplicate item id "${item.id}"`, path: ["items", index, "id"] });
      seen.add(item.id);
      if (item.capability !== suite.capability) {
        ctx.addIssue({ code: "custom", message: `item "${item.id}" is for ${item.capability}, not ${suite.capability}`, path: ["items", index, "capability"] });
      }
    });
  });
export type Suite = z.infer<typeof suiteSchema>;

export const gradeResultSchema = z.object({
  pass: z.boolean(),
  /** 0..1: partial credit where the grader has it (code cases passed, chrF, JSON checks), else 0 or 1 */
  score: z.number().min(0).max(1),
  detail: z.string(),
  judgeVerdict: z.string().optional(),
  /** the item could not be graded (bad item, grader threw, a needed port is missing): skip and report it */
  broken: z.literal(true).optional(),
  /** "simulated-truth" only for simulated models on items they cannot really answer */
  method: z.enum(["grader", "simulated-truth"]).optional(),
});
export type GradeResult = z.infer<typeof gradeResultSchema>;
