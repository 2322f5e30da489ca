import {
  APICallError,
  EmptyResponseBodyError,
  InvalidArgumentError,
  InvalidMessageRoleError,
  InvalidPromptError,
  InvalidResponseDataError,
  JSONParseError,
  LoadAPIKeyError,
  LoadSettingError,
  NoContentGeneratedError,
  RetryError,
  TypeValidationError,
  UnsupportedFunctionalityError,
} from "ai";
import { ProviderError, type ProviderErrorKind } from "@/server/orchestrator/errors";
import { BLOCKED_ADDRESS_CODE } from "./blocked-address";

/**
 * Turns whatever the AI SDK throws (or emits as a stream `error` part) into a ProviderError whose kind drives
 * the engine's retry/fallback decision and whose message carries the provider's own words, because the
 * operator reads it in the UI and needs "model 'llama3' not found", not "Bad Request".
 */

export interface ErrorContext {
  /**
   * whether text was already handed to the caller: a connection that breaks after that is a cut stream (not
   * retried, since the output so far was shown), before it a network failure (retried)
   */
  streamStarted?: boolean;
  signal?: AbortSignal;
}

/** What the AI SDK's openai-compatible adapter reports when the event stream stops before a finish reason. */
const MISSING_FINISH_REASON = /ended without a finish reason/i;

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_CLOSED",
]);
const NETWORK_MESSAGES = /\b(terminated|fetch failed|other side closed|socket hang up|network|cannot connect)\b/i;

const BODY_SNIPPET_CHARS = 500;

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    current = typeof current === "object" && "cause" in current ? current.cause : undefined;
  }
  return chain;
}

function isNetworkFailure(error: unknown): boolean {
  return causes(error).some((link) => {
    if (!link || typeof link !== "object") return false;
    const code = "code" in link && typeof link.code === "string" ? link.code : undefined;
    if (code && NETWORK_CODES.has(code)) return true;
    return link instanceof TypeError && NETWORK_MESSAGES.test(link.message);
  });
}

/** httpFetch's refusal of a link-local or metadata address (blocked-address.ts), wherever it sits in the cause chain. */
function blockedAddressError(error: unknown): Error | undefined {
  return causes(error).find((link): link is Error => link instanceof Error && "code" in link && link.code === BLOCKED_ADDRESS_CODE);
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "ResponseAborted" || error.name === "TimeoutError");
}

/** The caller's own reason when it aborted with a ProviderError (the engine's timeout), else "aborted". */
function abortedError(signal: AbortSignal | undefined): ProviderError {
  const reason: unknown = signal?.reason;
  if (reason instanceof ProviderError) return reason;
  const detail = reason instanceof Error ? reason.message : typeof reason === "string" ? reason : "request aborted";
  return new ProviderError("aborted", detail);
}

/** The innermost message of a cause chain, e.g. "connect ECONNREFUSED 127.0.0.1:9" under "fetch failed". */
function rootMessage(error: unknown): string | undefined {
  const messages = causes(error)
    .map((link) => (link instanceof Error ? link.message : undefined))
    .filter((m): m is string => Boolean(m));
  return messages[messages.length - 1];
}

/**
 * What a 2xx reply that could not be read was — status, content type, size, and whether it was JSON at all —
 * without its text. That body is not an error message: it is whatever the URL serves (an internal page, cloud
 * credentials), and this message reaches the UI and task step errors that every viewer reads. The SDK's parse
 * errors quote the text too (`JSON parsing failed: Text: …`, `Type validation failed: Value: …`), so only their
 * kind is used.
 */
function unreadableReply(error: APICallError): string {
  const headers = Object.fromEntries(Object.entries(error.responseHeaders ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const mediaType = headers["content-type"]?.split(";")[0]?.trim().slice(0, 100);
  const facts = [
    error.statusCode !== undefined ? `HTTP ${error.statusCode}` : undefined,
    `content-type ${mediaType || "none"}`,
    error.responseBody !== undefined ? `${error.responseBody.length} characters, not shown` : undefined,
  ].filter(Boolean);
  const what = JSONParseError.isInstance(error.cause)
    ? "the body is not JSON"
    : TypeValidationError.isInstance(error.cause)
      ? "the JSON is not the expected response"
      : error.cause instanceof Error
        ? error.cause.message.split("\n")[0]
        : undefined;
  return `${error.message} (${facts.join(", ")})${what ? `: ${what}` : ""}`;
}

/** The SDK's parse errors outside a reply (a streamed event that does not parse), without the text they quote. */
function parseFailure(error: unknown): string | undefined {
  if (JSONParseError.isInstance(error)) return `JSON parsing failed: the provider sent ${error.text.length} characters that are not JSON (not shown)`;
  if (TypeValidationError.isInstance(error)) return `${error.message.split(": Value:")[0]}: the provider's JSON is not the expected response (not shown)`;
  return undefined;
}

function snippet(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > BODY_SNIPPET_CHARS ? `${trimmed.slice(0, BODY_SNIPPET_CHARS)}…` : trimmed;
}

/**
 * The provider's message from an error body in any of the shapes servers use: OpenAI/Anthropic
 * `{error: {message}}`, Ollama `{error: "…"}`, FastAPI/vLLM `{detail: …}`, or `{message}`.
 */
export function messageFromErrorBody(body: string | undefined): string | undefined {
  if (!body || body.trim() === "") return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === "object") {
      const record = parsed as Record<string, unknown>;
      const inner = record.error;
      if (inner && typeof inner === "object" && typeof (inner as Record<string, unknown>).message === "string") {
        return (inner as Record<string, string>).message;
      }
      if (typeof inner === "string") return inner;
      if (typeof record.message === "string") return record.message;
      if (typeof record.detail === "string") return record.detail;
      if (record.detail !== undefined) return JSON.stringify(record.detail);
    }
  } catch {
    // not JSON (an HTML error page from a proxy, say): show the text itself
  }
  return snippet(body);
}

/** Retry-After in ms: `retry-after-ms`, else `retry-after` as seconds or as an HTTP date. */
export function retryAfterMsFrom(headers: Record<string, string> | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const ms = Number.parseFloat(lower["retry-after-ms"] ?? "");
  if (Number.isFinite(ms) && ms >= 0) return Math.round(ms);
  const raw = lower["retry-after"];
  if (!raw) return undefined;
  const seconds = Number(raw.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function kindForStatus(status: number): ProviderErrorKind {
  if (status === 429) return "rate-limit";
  if (status === 401 || status === 403) return "auth";
  // a gateway's "request timeout" is the provider being slow, which a retry may well fix
  if (status === 408) return "timeout";
  if (status >= 500) return "server";
  if (status >= 400) return "bad-request";
  return "bad-response";
}

function fromApiCallError(error: APICallError, context: ErrorContext): ProviderError {
  const status = error.statusCode;
  if (status === undefined || status < 400) {
    // no status at all means no HTTP response ever arrived: refused, DNS, a port fetch refuses to use…
    if (status === undefined || isNetworkFailure(error)) {
      const detail = rootMessage(error) ?? error.message;
      return context.streamStarted
        ? new ProviderError("cut-stream", `Connection closed mid-response: ${detail}`, status)
        : new ProviderError("network", error.message.includes(detail) ? error.message : `${error.message}: ${detail}`, status);
    }
    return new ProviderError("bad-response", unreadableReply(error), status);
  }
  // `data` is set when the SDK parsed the body in the provider's error schema; its message is then verbatim
  const providerText = error.data !== undefined ? error.message : (messageFromErrorBody(error.responseBody) ?? error.message);
  const kind = kindForStatus(status);
  const retryAfterMs = kind === "rate-limit" ? retryAfterMsFrom(error.responseHeaders) : undefined;
  return new ProviderError(kind, `HTTP ${status}: ${providerText}`, status, retryAfterMs);
}

/** An error object sent inside an event stream, e.g. `{type: "overloaded_error", message: "Overloaded"}`. */
function fromStreamedErrorObject(value: Record<string, unknown>): ProviderError {
  const nested = value.error && typeof value.error === "object" ? (value.error as Record<string, unknown>) : value;
  const message = typeof nested.message === "string" ? nested.message : JSON.stringify(value);
  const type = `${typeof nested.type === "string" ? nested.type : ""} ${typeof nested.code === "string" ? nested.code : ""}`.toLowerCase();
  const kind: ProviderErrorKind = /rate.?limit/.test(type)
    ? "rate-limit"
    : /auth|permission|api.?key/.test(type)
      ? "auth"
      : /invalid.?request|not.?found|context.?length/.test(type)
        ? "bad-request"
        : "server";
  return new ProviderError(kind, message);
}

export function toProviderError(error: unknown, context: ErrorContext = {}): ProviderError {
  if (error instanceof ProviderError) return error;
  if (context.signal?.aborted || isAbortError(error)) return abortedError(context.signal);
  if (RetryError.isInstance(error)) return toProviderError(error.lastError, context);
  // a configuration Ensemble refuses to call: no retry, and not the model's fault (the breaker ignores it)
  const blocked = blockedAddressError(error);
  if (blocked) return new ProviderError("bad-request", blocked.message);
  if (APICallError.isInstance(error)) return fromApiCallError(error, context);
  if (LoadAPIKeyError.isInstance(error)) return new ProviderError("auth", error.message);
  if (InvalidResponseDataError.isInstance(error) && MISSING_FINISH_REASON.test(error.message)) {
    return new ProviderError("cut-stream", error.message);
  }
  if (
    InvalidResponseDataError.isInstance(error) ||
    JSONParseError.isInstance(error) ||
    TypeValidationError.isInstance(error) ||
    EmptyResponseBodyError.isInstance(error) ||
    NoContentGeneratedError.isInstance(error)
  ) {
    return new ProviderError("bad-response", parseFailure(error) ?? error.message);
  }
  if (
    LoadSettingError.isInstance(error) ||
    InvalidPromptError.isInstance(error) ||
    InvalidArgumentError.isInstance(error) ||
    InvalidMessageRoleError.isInstance(error) ||
    UnsupportedFunctionalityError.isInstance(error)
  ) {
    return new ProviderError("bad-request", error.message);
  }
  if (isNetworkFailure(error)) {
    const detail = rootMessage(error) ?? "connection failed";
    return context.streamStarted
      ? new ProviderError("cut-stream", `Connection closed mid-response: ${detail}`)
      : new ProviderError("network", detail);
  }
  if (error && typeof error === "object" && !(error instanceof Error)) {
    return fromStreamedErrorObject(error as Record<string, unknown>);
  }
  // an unknown throwable is most likely a response we could not make sense of; retrying would not help
  return new ProviderError("bad-response", error instanceof Error ? error.message : String(error));
}
