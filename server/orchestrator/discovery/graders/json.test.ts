import { describe, expect, it } from "vitest";
import { gradeJson } from "./json";
import { extractJsonObject } from "./json-extract";
import { testItem } from "./test-items";

const grader = {
  kind: "json" as const,
  schema: {
    properties: { name: { type: "string" as const }, age: { type: "integer" as const }, city: { type: "string" as const } },
    required: ["name", "age", "city"],
  },
  expected: { name: "Laura Chen", age: 34, city: "Denver" },
};
const item = { ...testItem(grader), grader };

describe("JSON extraction", () => {
  it("finds the first object: fenced, bare, or inside prose", () => {
    expect(extractJsonObject('```json\n{"a": 1}\n```')).toEqual({ a: 1 });
    expect(extractJsonObject('{"a": "}"}')).toEqual({ a: "}" });
    expect(extractJsonObject('Sure! Here it is: {"a": {"b": 2}} Hope it helps {"c": 3}')).toEqual({ a: { b: 2 } });
    expect(extractJsonObject("{not json} then {\"ok\": true}")).toEqual({ ok: true });
    expect(extractJsonObject("[1, 2]")).toBeUndefined();
    expect(extractJsonObject("nothing")).toBeUndefined();
  });
});

describe("JSON grader", () => {
  it("passes the right object, however it is wrapped and capitalised", async () => {
    expect((await gradeJson(item, '{"name": "Laura Chen", "age": 34, "city": "Denver"}', {})).pass).toBe(true);
    expect((await gradeJson(item, 'Here:\n```json\n{"name": "laura chen", "age": 34, "city": "DENVER", "extra": 1}\n```', {})).pass).toBe(true);
  });

  it("fails a wrong value, a wrong type or a missing field, with partial credit", async () => {
    const wrongValue = await gradeJson(item, '{"name": "Laura Chen", "age": 35, "city": "Denver"}', {});
    expect(wrongValue.pass).toBe(false);
    expect(wrongValue.score).toBeGreaterThan(0.5);
    expect(wrongValue.detail).toMatch(/"age" is 35/);
    const wrongType = await gradeJson(item, '{"name": "Laura Chen", "age": "34", "city": "Denver"}', {});
    expect(wrongType.pass).toBe(false);
    expect(wrongType.detail).toMatch(/"age" is not integer/);
    const missing = await gradeJson(item, '{"name": "Laura Chen", "age": 34}', {});
    expect(missing.pass).toBe(false);
    expect(missing.detail).toMatch(/missing "city"/);
  });

  it("fails a reply with no JSON object", async () => {
    expect(await gradeJson(item, "Laura Chen, 34, Denver", {})).toMatchObject({ pass: false, score: 0 });
  });
});
