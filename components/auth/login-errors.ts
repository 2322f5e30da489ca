/** What an Auth.js sign-in error carries that the login form looks at (structural, so tests need no Auth.js). */
export interface SignInErrorLike {
  type?: string;
  code?: string;
  message?: string;
  cause?: { err?: { code?: string; message?: string } } | unknown;
}

const RATE_LIMITED = "rate-limited";

/**
 * The login limiter refuses with `new CredentialsSignin("rate-limited")`: Auth.js keeps the word in the
 * message (its `code` stays "credentials"). A subclass setting `code`, or a wrapped cause, count too.
 */
export function isRateLimited(error: SignInErrorLike): boolean {
  const cause = (error.cause as { err?: { code?: string; message?: string } } | undefined)?.err;
  return (
    error.code === RATE_LIMITED ||
    Boolean(error.message?.startsWith(RATE_LIMITED)) ||
    cause?.code === RATE_LIMITED ||
    Boolean(cause?.message?.startsWith(RATE_LIMITED))
  );
}

/** One message for every failed sign-in; it never says whether the email or the password was wrong. */
export function loginErrorMessage(error: SignInErrorLike): string {
  if (isRateLimited(error)) return "Too many attempts. Wait a minute and try again.";
  if (error.type === "CredentialsSignin" || error.type === "CallbackRouteError") return "Wrong email or password";
  return "Sign-in failed. Try again.";
}

/**
 * Where to go after signing in: a path on this site only. Auth.js hands us an absolute callbackUrl;
 * we keep its path and query and drop the host, so no one can bounce a user to another site.
 */
export function safeRedirectPath(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") return "/";
  let path: string;
  try {
    const url = new URL(value, "http://relative.invalid");
    path = `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/login") || path.startsWith("/api/")) return "/";
  return path;
}
