import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const DEFAULT_DATABASE_URL = "./data/ensemble.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

/** Where generated state (secret key) lives: beside the database file, or ./data for in-memory databases. */
export function dataDir(): string {
  const url = databaseUrl();
  if (url === ":memory:") return path.resolve(/*turbopackIgnore: true*/ process.cwd(), "data");
  const file = url.startsWith("file:") ? url.slice("file:".length) : url;
  return path.dirname(path.resolve(/*turbopackIgnore: true*/ process.cwd(), file));
}

let cachedSecret: string | undefined;

/**
 * The master secret every key is derived from: ENSEMBLE_SECRET, or a random one generated into the
 * data directory on first start (mode 0600) so restarts keep sessions and encrypted keys readable.
 */
export function masterSecret(): string {
  if (cachedSecret) return cachedSecret;
  const fromEnv = process.env.ENSEMBLE_SECRET;
  if (fromEnv && fromEnv.length >= 16) return (cachedSecret = fromEnv);
  if (fromEnv) throw new Error("ENSEMBLE_SECRET must be at least 16 characters long");
  const dir = dataDir();
  const file = path.join(/*turbopackIgnore: true*/ dir, "secret.key");
  if (!existsSync(file)) createSecretFile(dir, file);
  const secret = readFileSync(file, "utf8").trim();
  // an empty or cut file would make every session and stored key derive from a guessable secret
  if (secret.length < 16) {
    throw new Error(`${file} holds ${secret.length} characters, fewer than 16: restore it from a backup, or set ENSEMBLE_SECRET (keys stored under the old secret stay unreadable)`);
  }
  return (cachedSecret = secret);
}

/**
 * Writes a fresh secret to a private temporary file and links it into place: the name appears with its whole
 * content or not at all, so a process starting at the same moment (CLI and server) never reads it half-written.
 */
function createSecretFile(dir: string, file: string): void {
  mkdirSync(dir, { recursive: true });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(draft, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  try {
    linkSync(draft, file);
  } catch (error) {
    // another process created it first: theirs is read
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

export function adminBootstrap(): { email?: string; password?: string } {
  return { email: process.env.ENSEMBLE_ADMIN_EMAIL, password: process.env.ENSEMBLE_ADMIN_PASSWORD };
}

export function metricsToken(): string | undefined {
  return process.env.ENSEMBLE_METRICS_TOKEN || undefined;
}

/** Hours between scheduled discovery runs of every enabled model; unset or 0 turns the schedule off. */
export function discoveryEveryHours(): number | undefined {
  const hours = Number(process.env.ENSEMBLE_DISCOVERY_EVERY_HOURS ?? 0);
  return Number.isFinite(hours) && hours > 0 ? hours : undefined;
}

/**
 * The gateway's own port, served by the I/O thread (server.ts): ENSEMBLE_GATEWAY_PORT, by default the dashboard's
 * port + 1; `off` for none (the dashboard's port serves /api/v1 either way).
 */
export function gatewayPort(dashboardPort: number, env: Record<string, string | undefined> = process.env): number | undefined {
  const raw = env.ENSEMBLE_GATEWAY_PORT?.trim();
  if (raw === undefined || raw === "") return dashboardPort + 1;
  if (raw.toLowerCase() === "off") return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`ENSEMBLE_GATEWAY_PORT must be a port from 1 to 65535 or "off" (got "${raw}")`);
  return port;
}
