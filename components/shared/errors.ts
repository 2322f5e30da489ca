import type { z } from "zod";
// the schemas' default messages in one voice ("must be at most 1"), in the browser as on the server
import "@/server/orchestrator/spec/messages";

/** Per-field messages keyed by the field's path joined with "." — the same keys the server sends. */
export type FieldErrors = Record<string, string[]>;

/** What a tRPC client error carries that forms use (structural, so any procedure's error fits). */
export interface ApiErrorLike {
  message: string;
  data?: { fieldErrors?: FieldErrors | null; code?: string; httpStatus?: number } | null;
}

export function fieldErrorsOf(error: ApiErrorLike | null | undefined): FieldErrors {
  return error?.data?.fieldErrors ?? {};
}

/** Zod issues as field errors, with the server's key format ("simulated.latency.ttftMs"; "_" for the whole input). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export type Validated<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors };

/** Checks a form's input with the server's own schema, so the messages match the server's. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, data: result.data } : { ok: false, fieldErrors: zodFieldErrors(result.error) };
}

/**
 * The message for the top of a form: the server's message when no field explains the error,
 * otherwise only the field errors no field on the form shows (so nothing is silently dropped).
 */
export function formLevelMessage(error: ApiErrorLike | null | undefined, fieldsShown: readonly string[]): string | null {
  if (!error) return null;
  const fields = fieldErrorsOf(error);
  const keys = Object.keys(fields);
  if (keys.length === 0) return error.message;
  const unshown = keys.filter((k) => !fieldsShown.some((shown) => k === shown || k.startsWith(`${shown}.`)));
  if (unshown.length === 0) return null;
  return unshown.map((k) => (k === "_" ? fields[k]!.join("; ") : `${k}: ${fields[k]!.join("; ")}`)).join(" · ");
}

/** Errors for one field and everything under it ("simulated.latency" also collects "simulated.latency.ttftMs"). */
export function errorsFor(errors: FieldErrors, field: string, nested = false): string[] | undefined {
  const own = errors[field] ?? [];
  const below = nested
    ? Object.entries(errors)
        .filter(([k]) => k.startsWith(`${field}.`))
        .flatMap(([k, messages]) => messages.map((m) => `${k.slice(field.length + 1)}: ${m}`))
    : [];
  const all = [...own, ...below];
  return all.length ? all : undefined;
}
