import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createModelSchema } from "@/server/api/schemas/models";
import { errorsFor, fieldErrorsOf, formLevelMessage, validate } from "./errors";

describe("validate", () => {
  it("returns the parsed data when the input is valid", () => {
    const result = validate(z.object({ n: z.number() }), { n: 1 });
    expect(result).toEqual({ ok: true, data: { n: 1 } });
  });

  it("keys field errors like the server does, with the server's own messages", () => {
    const result = validate(createModelSchema, {
      id: "Bad Id!",
      name: "",
      providerId: "simulated",
      remoteModel: "x",
      contextWindow: 10,
      inputUsdPerMTok: -1,
      outputUsdPerMTok: 1,
      enabled: true,
      simulated: { seed: 1, skills: { math: 2 }, latency: { ttftMs: 0, tokensPerSec: 10, jitter: 0 }, faults: {} },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.contextWindow).toEqual(["must be at least 256 tokens"]);
    expect(result.fieldErrors.inputUsdPerMTok).toEqual(["must be at least 0"]);
    expect(result.fieldErrors.name).toEqual(["is required"]);
    expect(Object.keys(result.fieldErrors)).toContain("simulated.skills.math");
  });
});

describe("server errors on forms", () => {
  const zodError = { message: "name: is required", data: { fieldErrors: { name: ["is required"], "simulated.seed": ["too big"] } } };

  it("reads field errors from a tRPC error", () => {
    expect(fieldErrorsOf(zodError)).toEqual({ name: ["is required"], "simulated.seed": ["too big"] });
    expect(fieldErrorsOf({ message: "x", data: { fieldErrors: null } })).toEqual({});
    expect(fieldErrorsOf(null)).toEqual({});
  });

  it("puts the message on top only when no shown field explains it", () => {
    expect(formLevelMessage({ message: "A model with id x already exists" }, ["id"])).toBe("A model with id x already exists");
    expect(formLevelMessage(zodError, ["name", "simulated"])).toBeNull();
    expect(formLevelMessage(zodError, ["name"])).toBe("simulated.seed: too big");
    expect(formLevelMessage(null, [])).toBeNull();
  });

  it("collects nested errors for a group of fields", () => {
    const errors = { simulated: ["needs skills"], "simulated.latency.ttftMs": ["must be at most 120000"] };
    expect(errorsFor(errors, "simulated", true)).toEqual(["needs skills", "latency.ttftMs: must be at most 120000"]);
    expect(errorsFor(errors, "name")).toBeUndefined();
  });
});
