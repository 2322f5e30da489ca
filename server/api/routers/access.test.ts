import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createHarness } from "../testing/harness";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

describe("role middleware", () => {
  it("refuses anonymous callers everywhere", async () => {
    const h = await createHarness();
    const anon = h.as(null);
    expect(await codeOf(anon.models.list())).toBe("UNAUTHORIZED");
    expect(await codeOf(anon.tasks.list({ page: 1, pageSize: 10 }))).toBe("UNAUTHORIZED");
    expect(await codeOf(anon.tasks.submit({ prompt: "hi", constraints: {}, strategy: "auto", policy: "balanced" }))).toBe("UNAUTHORIZED");
    expect(await codeOf(anon.users.me())).toBe("UNAUTHORIZED");
  });

  it("lets viewers read but not mutate", async () => {
    const h = await createHarness();
    const viewer = h.as("viewer");
    expect((await viewer.models.list()).length).toBeGreaterThanOrEqual(6);
    expect(await codeOf(viewer.tasks.submit({ prompt: "hi", constraints: {}, strategy: "auto", policy: "balanced" }))).toBe("FORBIDDEN");
    expect(await codeOf(viewer.models.setEnabled({ id: "sim-swift-mini", enabled: false }))).toBe("FORBIDDEN");
    expect(await codeOf(viewer.users.list())).toBe("FORBIDDEN");
  });

  it("lets operators submit tasks but not touch the roster, providers or users", async () => {
    const h = await createHarness();
    const operator = h.as("operator");
    expect(await codeOf(operator.tasks.submit({ prompt: "What is 2 + 2?", constraints: {}, strategy: "auto", policy: "balanced" }))).toBe("OK");
    expect(await codeOf(operator.models.delete({ id: "sim-swift-mini" }))).toBe("FORBIDDEN");
    expect(await codeOf(operator.providers.list())).toBe("FORBIDDEN");
    expect(await codeOf(operator.providers.create({ name: "x", kind: "openai-compatible", baseUrl: "http://127.0.0.1:9/v1" }))).toBe("FORBIDDEN");
    expect(await codeOf(operator.users.create({ email: "a@b.co", name: "a", password: "0123456789", role: "viewer" }))).toBe("FORBIDDEN");
  });

  it("takes a changed role into account on the next call", async () => {
    const h = await createHarness();
    await h.as("admin").users.setRole({ id: h.users.operator.id, role: "viewer" });
    const demoted = h.services.users.byId(h.users.operator.id);
    expect(demoted?.role).toBe("viewer");
  });
});
