import { createHash, timingSafeEqual } from "node:crypto";
import { hasRole, type Role } from "@/server/auth/roles";

/**
 * Compares SHA-256 digests, not the strings: timingSafeEqual needs equal lengths, and hashing first
 * keeps the comparison's time independent of where (or whether) the lengths differ.
 */
export function tokenMatches(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

export function bearerOf(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  return match ? match[1]!.trim() : null;
}

export interface MetricsAuthDeps {
  /** ENSEMBLE_METRICS_TOKEN; undefined disables token access */
  token: string | undefined;
  /** the signed-in user's role, re-read from the database; null when anonymous or gone */
  sessionRole: () => Promise<Role | null>;
}

/** Admin session or the scrape token; the token is checked first so scrapers never touch the session store. */
export async function metricsAllowed(request: Request, deps: MetricsAuthDeps): Promise<boolean> {
  const bearer = bearerOf(request);
  if (bearer !== null && deps.token && tokenMatches(bearer, deps.token)) return true;
  const role = await deps.sessionRole();
  return role !== null && hasRole(role, "admin");
}
