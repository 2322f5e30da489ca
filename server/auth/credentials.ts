import { loginSchema } from "@/server/api/schemas/users";
import type { SessionUser } from "./roles";

export interface CredentialsDeps {
  users: { authenticate(email: string, password: string): Promise<SessionUser | null> };
  loginLimiter: { attempt(key: string): boolean; succeed(key: string): void };
}

export type CredentialsOutcome = { ok: true; user: SessionUser } | { ok: false; reason: "invalid" | "rate-limited" };

/**
 * Checks a login form's fields, whatever they hold. The limiter counts attempts per normalised email (a success
 * clears them), the same form users.authenticate looks up, so "Admin@X" and "admin@x " share one budget of attempts.
 * Never throws for bad input: next-auth's authorize turns the outcome into its own error.
 */
export async function checkCredentials(deps: CredentialsDeps, raw: unknown): Promise<CredentialsOutcome> {
  const parsed = loginSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const key = parsed.data.email.trim().toLowerCase();
  if (!deps.loginLimiter.attempt(key)) return { ok: false, reason: "rate-limited" };
  const user = await deps.users.authenticate(key, parsed.data.password);
  if (!user) return { ok: false, reason: "invalid" };
  deps.loginLimiter.succeed(key);
  return { ok: true, user };
}
