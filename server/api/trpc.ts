import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { hasRole, type Role, type SessionUser } from "@/server/auth/roles";
import { isDomainError, type DomainErrorCode } from "@/server/orchestrator/errors";
import type { Services } from "@/server/services/app";

export interface TrpcContext {
  services: Services;
  user: SessionUser | null;
}

const CODE_OF: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  INVALID_INPUT: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  FORBIDDEN: "FORBIDDEN",
  UNSATISFIABLE: "PRECONDITION_FAILED",
  PROVIDER_ERROR: "BAD_GATEWAY",
};

/** Per-field messages for forms: { "inputUsdPerMTok": ["must be at least 0"] }. */
function fieldErrors(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zod = asZodError(error.cause);
    const domain = isDomainError(error.cause) ? error.cause : null;
    return {
      ...shape,
      message: zod ? readableZodMessage(zod) : (unreadableInputMessage(error, domain !== null) ?? shape.message),
      data: {
        ...shape.data,
        stack: undefined,
        fieldErrors: zod ? fieldErrors(zod) : domain?.details?.field ? { [String(domain.details.field)]: [error.message] } : null,
        domain: domain ? { code: domain.code, ...domain.details } : null,
      },
    };
  },
});

/**
 * A request whose input never reached its schema (broken JSON, abused superjson metadata, a value nested too
 * deeply or referring to itself): tRPC reports the parser's own words; say which part of the request it was.
 */
function unreadableInputMessage(error: TRPCError, isDomain: boolean): string | null {
  const cause = error.cause;
  if (error.code !== "BAD_REQUEST" || isDomain || !(cause instanceof Error) || cause instanceof TRPCError) return null;
  if (cause instanceof RangeError || /circular/i.test(cause.message)) return "input: is nested too deeply or refers to itself";
  return `input: could not be read (${cause.message.split("\n")[0]})`;
}

/** Duck-typed for the same reason as isDomainError: services may carry another bundle's copy of zod. */
function asZodError(error: unknown): ZodError | null {
  if (error instanceof ZodError) return error;
  const candidate = error as { name?: unknown; issues?: unknown } | null;
  return candidate?.name === "ZodError" && Array.isArray(candidate.issues) ? (error as ZodError) : null;
}

/** Issues beyond this many are counted, not listed: an array of 10,000 bad items must not make a 1 MB message. */
const MAX_LISTED_ISSUES = 5;

function readableZodMessage(error: ZodError): string {
  const listed = error.issues.slice(0, MAX_LISTED_ISSUES).map((i) => `${i.path.map(String).join(".") || "input"}: ${i.message}`);
  const more = error.issues.length - listed.length;
  return listed.join("; ") + (more > 0 ? `; and ${more} more` : "");
}

function asTrpcError(cause: unknown): TRPCError | null {
  if (isDomainError(cause)) return new TRPCError({ code: CODE_OF[cause.code], message: cause.message, cause });
  const zod = asZodError(cause);
  return zod ? new TRPCError({ code: "BAD_REQUEST", message: readableZodMessage(zod), cause: zod }) : null;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

/** A subscription's body runs as it is read, after the middleware has returned: its errors are mapped here. */
async function* mappingErrors<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* source;
  } catch (error) {
    throw asTrpcError(error) ?? error;
  }
}

/**
 * Domain errors become tRPC errors here, once, and input errors get a message naming each field,
 * for HTTP clients and server-side callers alike. Anything else stays an internal error.
 */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return isAsyncIterable(result.data) ? { ...result, data: mappingErrors(result.data) } : result;
  const mapped = asTrpcError(result.error.cause);
  if (mapped) throw mapped;
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

const baseProcedure = t.procedure.use(mapDomainErrors);

function requireRole(role: Role) {
  return t.middleware(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
    if (!hasRole(ctx.user.role, role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${role} role; you are ${ctx.user.role}` });
    }
    return next({ ctx: { ...ctx, user: ctx.user } });
  });
}

export const viewerProcedure = baseProcedure.use(requireRole("viewer"));
export const operatorProcedure = baseProcedure.use(requireRole("operator"));
export const adminProcedure = baseProcedure.use(requireRole("admin"));

export const idInput = z.object({ id: z.string().min(1, "is required").max(200, "must be at most 200 characters") });
