import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { providers } from "@/db/schema";
import { createHarness } from "../testing/harness";

const simulated = {
  seed: 42,
  skills: { math: 0.9 },
  latency: { ttftMs: 0, tokensPerSec: 1000, jitter: 0 },
  faults: { errorRate: 0, rateLimitRate: 0, timeoutRate: 0, cutStreamRate: 0 },
};

describe("models router", () => {
  it("seeds a labelled simulated roster with profiles for all twelve capabilities", async () => {
    const h = await createHarness();
    const models = await h.as("viewer").models.list();
    expect(models.map((m) => m.id)).toEqual(expect.arrayContaining(["sim-atlas-xl", "sim-swift-mini", "sim-euclid-math", "sim-glitch"]));
    for (const m of models) {
      expect(m.isSimulated).toBe(true);
      expect(Object.keys(m.capabilities)).toHaveLength(12);
    }
  });

  it("adds, edits, disables and deletes a model, effective at once", async () => {
    const h = await createHarness();
    const admin = h.as("admin");
    await admin.models.create({
      id: "sim-new", name: "New", providerId: "simulated", remoteModel: "sim-new", contextWindow: 8000,
      inputUsdPerMTok: 1, outputUsdPerMTok: 2, enabled: true, simulated, initialScores: { math: 0.8 },
    });
    const created = await admin.models.get({ id: "sim-new" });
    expect(created.capabilities.math.mean).toBeCloseTo(0.8);
    expect((await admin.models.update({ id: "sim-new", name: "Renamed" })).name).toBe("Renamed");
    expect((await admin.models.setEnabled({ id: "sim-new", enabled: false })).enabled).toBe(false);
    await admin.models.delete({ id: "sim-new" });
    await expect(admin.models.get({ id: "sim-new" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps a disabled model disabled through an edit that does not mention it", async () => {
    const h = await createHarness();
    const admin = h.as("admin");
    await admin.models.setEnabled({ id: "sim-swift-mini", enabled: false });
    expect((await admin.models.update({ id: "sim-swift-mini", resilience: null })).enabled).toBe(false);
    expect((await admin.models.update({ id: "sim-swift-mini", name: "Swift Mini (off)" })).enabled).toBe(false);
    expect((await admin.models.update({ id: "sim-swift-mini", enabled: true })).enabled).toBe(true);
  });

  it("names the field and the limit on bad input", async () => {
    const h = await createHarness();
    const error = (await h
      .as("admin")
      .models.create({
        id: "Bad Id!", name: "", providerId: "simulated", remoteModel: "x", contextWindow: 10,
        inputUsdPerMTok: -1, outputUsdPerMTok: 1, enabled: true, simulated,
      })
      .catch((e: unknown) => e)) as TRPCError;
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/contextWindow: must be at least 256 tokens/);
    expect(error.message).toMatch(/inputUsdPerMTok: must be at least 0/);
    expect(error.message).toMatch(/id: /);
  });

  it("refuses a simulated model without its simulation config and a duplicate id", async () => {
    const h = await createHarness();
    const admin = h.as("admin");
    const base = { name: "X", providerId: "simulated", remoteModel: "x", contextWindow: 8000, inputUsdPerMTok: 1, outputUsdPerMTok: 1, enabled: true };
    await expect(admin.models.create({ ...base, id: "sim-x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.models.create({ ...base, id: "sim-atlas-xl", simulated })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("providers router", () => {
  it("stores API keys encrypted and never returns them", async () => {
    const h = await createHarness();
    const admin = h.as("admin");
    await admin.providers.create({ name: "Local vLLM", kind: "openai-compatible", baseUrl: "http://127.0.0.1:9/v1", apiKey: "sk-very-secret-key" });
    const list = await admin.providers.list();
    expect(JSON.stringify(list)).not.toContain("sk-very-secret-key");
    expect(list.find((p) => p.name === "Local vLLM")?.hasApiKey).toBe(true);
    const stored = h.services.db.select().from(providers).all();
    expect(JSON.stringify(stored)).not.toContain("sk-very-secret-key");
    const id = list.find((p) => p.name === "Local vLLM")!.id;
    expect(h.services.providers.connection(id).apiKey).toBe("sk-very-secret-key");
  });

  it("requires a base URL for OpenAI-compatible providers", async () => {
    const h = await createHarness();
    await expect(h.as("admin").providers.create({ name: "No URL", kind: "openai-compatible" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/baseUrl/),
    });
  });

  it("reports a failed connection test with the provider's error", async () => {
    const h = await createHarness();
    const admin = h.as("admin");
    const created = await admin.providers.create({ name: "Nowhere", kind: "openai-compatible", baseUrl: "http://127.0.0.1:9/v1" });
    const result = await admin.providers.testConnection({ id: created.id, remoteModel: "m" });
    expect(result.ok).toBe(false);
  });
});
