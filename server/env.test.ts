import { readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { tempDirs } from "@/db/testing/temp-dirs";

const tempDir = tempDirs();
const saved = { url: process.env.DATABASE_URL, secret: process.env.ENSEMBLE_SECRET };

afterEach(() => {
  process.env.DATABASE_URL = saved.url;
  process.env.ENSEMBLE_SECRET = saved.secret;
  if (saved.url === undefined) delete process.env.DATABASE_URL;
  if (saved.secret === undefined) delete process.env.ENSEMBLE_SECRET;
});

/** masterSecret() of a freshly loaded env module (it caches the secret), on a database in `dir`, without ENSEMBLE_SECRET. */
async function freshMasterSecret(dir: string): Promise<() => string> {
  process.env.DATABASE_URL = path.join(dir, "ensemble.db");
  delete process.env.ENSEMBLE_SECRET;
  vi.resetModules();
  return (await import("./env")).masterSecret;
}

describe("masterSecret without ENSEMBLE_SECRET", () => {
  it("generates a private secret.key beside the database once, and later starts read the same one", async () => {
    const dir = tempDir("ensemble-env-");
    const first = (await freshMasterSecret(dir))();
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readdirSync(dir)).toEqual(["secret.key"]);
    expect(statSync(path.join(dir, "secret.key")).mode & 0o777).toBe(0o600);
    expect((await freshMasterSecret(dir))()).toBe(first);
  });

  it("refuses an empty or cut secret.key instead of deriving every key from it", async () => {
    const dir = tempDir("ensemble-env-");
    writeFileSync(path.join(dir, "secret.key"), "short\n");
    const masterSecret = await freshMasterSecret(dir);
    expect(() => masterSecret()).toThrow(/secret\.key holds 5 characters, fewer than 16/);
  });
});
