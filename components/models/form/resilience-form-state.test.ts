import { describe, expect, it } from "vitest";
import { updateModelSchema } from "@/server/api/schemas/models";
import { zodFieldErrors } from "@/components/shared/errors";
import { DEFAULT_RESILIENCE_SETTINGS } from "@/server/orchestrator/spec";
import { resilienceFormFrom, toResilienceInput } from "./resilience-form-state";

describe("resilience form state", () => {
  it("sends null while the model uses the defaults", () => {
    expect(toResilienceInput(resilienceFormFrom())).toBeNull();
  });

  it("round-trips a model's own settings, an empty ratio meaning failures in a row only", () => {
    const own = { ...DEFAULT_RESILIENCE_SETTINGS, maxRetries: 4, breaker: { ...DEFAULT_RESILIENCE_SETTINGS.breaker, failureRatio: null } };
    const input = toResilienceInput(resilienceFormFrom(own, true));
    expect(input).toEqual(own);
    expect(updateModelSchema.parse({ id: "m", resilience: input }).resilience).toEqual(own);
  });

  it("lets the server schema name the field and its limit", () => {
    const form = { ...resilienceFormFrom(DEFAULT_RESILIENCE_SETTINGS, true), halfOpenAfterMs: "10", maxRetries: "" };
    const parsed = updateModelSchema.safeParse({ id: "m", resilience: toResilienceInput(form) });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(zodFieldErrors(parsed.error)).toMatchObject({
      "resilience.breaker.halfOpenAfterMs": ["must be at least 100 ms"],
      "resilience.maxRetries": ["must be a number"],
    });
  });
});
