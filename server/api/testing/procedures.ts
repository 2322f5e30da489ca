import { appRouter } from "../root";

export interface ProcedureInfo {
  /** dotted path, e.g. "models.create" */
  path: string;
  type: "query" | "mutation" | "subscription";
  /** the zod schemas given to .input(), outermost first (empty for procedures without input) */
  inputs: unknown[];
}

/** Every procedure the router exposes, read from the router itself so a new one cannot be forgotten. */
export function allProcedures(): ProcedureInfo[] {
  // at run time the router keeps a flat map of dotted paths to procedures
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureInfo["type"]; inputs?: unknown[] } }>;
  return Object.entries(procedures).map(([path, procedure]) => ({ path, type: procedure._def.type, inputs: procedure._def.inputs ?? [] }));
}

/** The caller's function for a dotted path. */
export function procedureOf(caller: object, path: string): (input?: unknown) => Promise<unknown> {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input?: unknown) => Promise<unknown>;
}
