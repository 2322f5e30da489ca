import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { appRouter } from "../root";
import { createHarness, type Harness } from "../testing/harness";

interface ProcedureInfo {
  path: string;
  type: "query" | "mutation" | "subscription";
}

/** Every procedure the router exposes, read from the router itself so a new one cannot be forgotten. */
function allProcedures(): ProcedureInfo[] {
  // at run time the router keeps a flat map of dotted paths to procedures
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureInfo["type"] } }>;
  return Object.entries(procedures).map(([path, procedure]) => ({ path, type: procedure._def.type }));
}

/** Namespaces only admins may touch at all (reads included): secrets, people and keys. */
const ADMIN_ONLY_NAMESPACES = ["providers", "users", "apiKeys"];
/** …except who am I, which every signed-in user may ask. */
const OPEN_TO_EVERY_ROLE = new Set(["users.me"]);
/** Namespaces whose mutations change the roster or its profiles: admin only. */
const ROSTER_NAMESPACES = ["models", "providers", "users", "apiKeys", "discovery"];

type Caller = ReturnType<Harness["as"]>;

async function codeOf(caller: Caller, info: ProcedureInfo): Promise<string> {
  const fn = info.path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  try {
    const result = await fn({});
    // a subscription that got past its guards hands back an iterator: stop it without reading
    if (result && typeof (result as AsyncIterator<unknown>).return === "function") await (result as AsyncIterator<unknown>).return?.();
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : "THROWN";
  }
}

describe("every tRPC procedure is guarded", () => {
  const procedures = allProcedures();

  it("finds the procedures of every router", () => {
    const namespaces = new Set(procedures.map((p) => p.path.split(".")[0]));
    for (const ns of ["models", "providers", "tasks", "users", "profiles", "discovery", "apiKeys"]) expect(namespaces).toContain(ns);
    expect(procedures.length).toBeGreaterThan(30);
  });

  it("refuses anonymous callers on every procedure", async () => {
    const h = await createHarness();
    for (const p of procedures) expect([p.path, await codeOf(h.as(null), p)]).toEqual([p.path, "UNAUTHORIZED"]);
  });

  it("refuses every mutation to viewers", async () => {
    const h = await createHarness();
    for (const p of procedures.filter((x) => x.type === "mutation")) expect([p.path, await codeOf(h.as("viewer"), p)]).toEqual([p.path, "FORBIDDEN"]);
  });

  it("keeps operators away from the roster, providers, users and keys", async () => {
    const h = await createHarness();
    const namespace = (p: ProcedureInfo) => p.path.split(".")[0] ?? "";
    const guarded = procedures.filter(
      (p) => !OPEN_TO_EVERY_ROLE.has(p.path) && ((p.type === "mutation" && ROSTER_NAMESPACES.includes(namespace(p))) || ADMIN_ONLY_NAMESPACES.includes(namespace(p))),
    );
    expect(guarded.length).toBeGreaterThan(10);
    for (const p of guarded) expect([p.path, await codeOf(h.as("operator"), p)]).toEqual([p.path, "FORBIDDEN"]);
  });
});
