import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createHarness } from "../testing/harness";

describe("users router", () => {
  it("creates users with hashed passwords and lists them without hashes", async () => {
    const h = await createHarness();
    const admin = h.as("admin");
    await admin.users.create({ email: "New@Example.com", name: "New", password: "a-long-password", role: "operator" });
    const list = await admin.users.list();
    const created = list.find((u) => u.email === "new@example.com");
    expect(created?.role).toBe("operator");
    expect(JSON.stringify(list)).not.toContain("a-long-password");
    expect(await h.services.users.authenticate("new@example.com", "a-long-password")).toMatchObject({ role: "operator" });
    expect(await h.services.users.authenticate("new@example.com", "wrong-password")).toBeNull();
  });

  it("rejects a short password naming the field and the limit", async () => {
    const h = await createHarness();
    const error = await h
      .as("admin")
      .users.create({ email: "x@example.com", name: "X", password: "short", role: "viewer" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toMatch(/password: must be at least 10 characters/);
  });

  it("answers two simultaneous creates of one email with one user and a conflict, not a server error", async () => {
    const h = await createHarness();
    const admin = h.as("admin");
    const outcomes = await Promise.allSettled([
      admin.users.create({ email: "dup@example.com", name: "A", password: "a-long-password", role: "viewer" }),
      admin.users.create({ email: "DUP@example.com", name: "B", password: "a-long-password", role: "viewer" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect((await admin.users.list()).filter((u) => u.email === "dup@example.com")).toHaveLength(1);
  });

  it("refuses duplicate emails and demoting the last admin", async () => {
    const h = await createHarness();
    const admin = h.as("admin");
    await expect(admin.users.create({ email: "viewer@test.local", name: "V", password: "0123456789", role: "viewer" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(admin.users.setRole({ id: h.users.admin.id, role: "viewer" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
