import { describe, expect, it } from "vitest";
import { z } from "zod";
import "./messages";

const messageOf = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? undefined : r.error.issues[0]?.message;
};

describe("default validation messages (every check without its own message)", () => {
  it("names the limit in the schemas' voice", () => {
    expect(messageOf(z.number().max(1), 2)).toBe("must be at most 1");
    expect(messageOf(z.number().min(0), -1)).toBe("must be at least 0");
    expect(messageOf(z.number().positive(), 0)).toBe("must be more than 0");
    expect(messageOf(z.number().lt(10), 10)).toBe("must be less than 10");
    expect(messageOf(z.number().max(1_000_000), 2e6)).toBe("must be at most 1,000,000");
    expect(messageOf(z.string().max(200), "x".repeat(201))).toBe("must be at most 200 characters");
    expect(messageOf(z.array(z.string()).min(2), ["a"])).toBe("must have at least 2 items");
    expect(messageOf(z.string().length(3), "ab")).toBe("must be exactly 3 characters");
  });

  it("says what kind of value is missing or wrong", () => {
    expect(messageOf(z.number(), Number.NaN)).toBe("must be a number");
    expect(messageOf(z.object({ n: z.number() }), {})).toBe("is required");
    expect(messageOf(z.string(), 5)).toBe("must be text");
    expect(messageOf(z.string().min(1), "")).toBe("is required");
    expect(messageOf(z.number().int(), 1.5)).toBe("must be a whole number");
    expect(messageOf(z.enum(["a", "b"]), "c")).toBe('must be one of "a", "b"');
    expect(messageOf(z.email(), "nope")).toBe("must be a valid email");
    expect(messageOf(z.strictObject({}), { x: 1 })).toBe("unknown field: x");
  });

  it("leaves a schema's own message alone", () => {
    expect(messageOf(z.number().max(1, "at most one, please"), 2)).toBe("at most one, please");
  });
});
