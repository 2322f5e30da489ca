/** Typed domain errors. The API layer maps each `code` to a transport status once, in middleware. */
export type DomainErrorCode =
  | "NOT_FOUND"
  | "INVALID_INPUT"
  | "CONFLICT"
  | "FORBIDDEN"
  | "UNSATISFIABLE"
  | "PROVIDER_ERROR";

/**
 * A brand in the global symbol registry: Next bundles instrumentation and routes separately, so a
 * DomainError thrown by one copy of this module fails `instanceof` against another copy.
 */
const DOMAIN_ERROR = Symbol.for("ensemble.DomainError");

export function isDomainError(error: unknown): error is DomainError {
  return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[DOMAIN_ERROR] === true;
}

export class DomainError extends Error {
  readonly [DOMAIN_ERROR] = true;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super("NOT_FOUND", `${what} "${id}" does not exist`, { what, id });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super("CONFLICT", message);
  }
}

export class InvalidInputError extends DomainError {
  constructor(field: string, message: string) {
    super("INVALID_INPUT", `${field}: ${message}`, { field });
  }
}

/** No model on the roster can meet a hard constraint; `constraint` names which one. */
export class UnsatisfiableError extends DomainError {
  constructor(constraint: string, message: string) {
    super("UNSATISFIABLE", message, { constraint });
  }
}

export type ProviderErrorKind =
  | "rate-limit"
  | "server"
  | "timeout"
  | "network"
  | "auth"
  | "bad-request"
  | "bad-response"
  | "cut-stream"
  | "aborted"
  /**
   * the call was cut off by its task's own deadline (what was left of maxLatencyMs), before the model's own timeout:
   * the task ran out of time, the model did not fail — not retried, not counted by the model's breaker
   */
  | "deadline"
  /** the model's circuit breaker is open (or its half-open probe is in flight): try the next candidate */
  | "circuit-open"
  /** the model's bulkhead is full (max concurrent calls running, its queue full): try the next candidate */
  | "bulkhead-full";

/** A model call that failed. `retryable` is decided by kind; 429 carries Retry-After when sent. */
export class ProviderError extends DomainError {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super("PROVIDER_ERROR", message, { kind, status });
    this.name = "ProviderError";
  }

  get retryable(): boolean {
    return this.kind === "rate-limit" || this.kind === "server" || this.kind === "timeout" || this.kind === "network";
  }
}
