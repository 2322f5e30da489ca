import { describe, expect, it } from "vitest";
import { createModelSchema, updateModelSchema } from "@/server/api/schemas/models";
import { emptyModelForm, modelFormFrom, toCreateInput, toUpdateInput } from "./model-form-state";

const simulated = {
  seed: 7,
  skills: { math: 0.9, code: 0.3 },
  latency: { ttftMs: 100, tokensPerSec: 50, jitter: 0.1 },
  faults: { errorRate: 0.05, rateLimitRate: 0, timeoutRate: 0, cutStreamRate: 0.01 },
};
const model = {
  id: "sim-x",
  name: "X",
  providerId: "simulated",
  remoteModel: "sim-x",
  contextWindow: 64000,
  inputUsdPerMTok: 1,
  outputUsdPerMTok: 3,
  enabled: false,
};

describe("model form state", () => {
  it("builds a valid create input for a new simulated model, using its id as the remote name", () => {
    const form = { ...emptyModelForm("simulated"), id: "sim-new", name: "New" };
    const input = toCreateInput(form, "simulated");
    expect(input.remoteModel).toBe("sim-new");
    expect(input.simulated?.skills.math).toBe(0.5);
    expect(input).not.toHaveProperty("initialScores");
    expect(createModelSchema.safeParse(input).success).toBe(true);
  });

  it("leaves the simulation config out for real providers and keeps starting scores that were typed", () => {
    const form = { ...emptyModelForm("p1"), id: "gpt-x", name: "GPT X", remoteModel: "gpt-x-2026" };
    form.initialScores = { ...form.initialScores, code: "0.8" };
    const input = toCreateInput(form, "openai-compatible");
    expect(input).not.toHaveProperty("simulated");
    expect(input.initialScores).toEqual({ code: 0.8 });
    expect(createModelSchema.safeParse(input).success).toBe(true);
  });

  it("turns blank and malformed numbers into schema errors, not zeros", () => {
    const form = { ...emptyModelForm("simulated"), id: "sim-new", name: "N", contextWindow: "", inputUsdPerMTok: "abc" };
    const result = createModelSchema.safeParse(toCreateInput(form, "simulated"));
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["contextWindow", "inputUsdPerMTok"]));
  });

  it("round-trips an existing simulated model through the edit form", () => {
    const form = modelFormFrom(model, simulated);
    expect(form.skills.math).toBe("0.9");
    expect(form.skills.chat).toBe("0.2");
    expect(form.enabled).toBe(false);
    const input = toUpdateInput(form, "simulated");
    expect(updateModelSchema.safeParse(input).success).toBe(true);
    expect(input.simulated).toMatchObject({ seed: 7, latency: { ttftMs: 100 }, faults: { errorRate: 0.05, cutStreamRate: 0.01 } });
    expect(input.contextWindow).toBe(64000);
  });
});
