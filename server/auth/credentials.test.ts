import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { createServices, type Services } from "@/server/services/app";
import { createLoginLimiter } from "@/server/services/login-limiter";
import { checkCredentials, type CredentialsDeps } from "./credentials";

process.env.ENSEMBLE_SECRET ??= "test-secret-for-vitest-only-0123456789";

const EMAIL = "owner@example.com";
const PASSWORD = "correct horse battery";

let services: Services;

beforeAll(async () => {
  services = createServices(createDb(":memory:"));
  await services.users.create({ email: EMAIL, name: "Owner", password: PASSWORD, role: "admin" });
});

/** Real users over a fresh limiter: 10 failures per 5 minutes per email, on a clock the test moves. */
function depsWithLimiter(now: () => number): CredentialsDeps {
  return { users: services.users, loginLimiter: createLoginLimiter(10, 5 * 60_000, now) };
}

describe("the credentials check behind /api/auth/callback/credentials", () => {
  it("turns any garbage into a refusal, never an exception", async () => {
    const deps = depsWithLimiter(Date.now);
    const field = fc.oneof(fc.string({ maxLength: 30 }), fc.constant("x".repeat(100_000)), fc.anything({ maxDepth: 2 }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything({ maxDepth: 3 }), fc.record({ email: field, password: field }, { requiredKeys: [] })), async (raw) => {
        expect(await checkCredentials(deps, raw)).toEqual({ ok: false, reason: "invalid" });
      }),
      { seed: 4242, numRuns: 200 },
    );
  });

  it("signs in with the right password, whatever the email's case and spacing", async () => {
    const deps = depsWithLimiter(Date.now);
    expect(await checkCredentials(deps, { email: EMAIL, password: PASSWORD })).toMatchObject({ ok: true, user: { email: EMAIL, role: "admin" } });
    expect(await checkCredentials(deps, { email: "Owner@Example.COM", password: PASSWORD })).toMatchObject({ ok: true });
  });

  it("stops guessing after 10 failures in 5 minutes, however the email is spelled, until the window passes", async () => {
    let t = 1_000_000;
    const deps = depsWithLimiter(() => t);
    const spellings = ["owner@example.com", "OWNER@example.com", "Owner@Example.com", "owner@EXAMPLE.COM"];
    for (let i = 0; i < 10; i++) {
      expect(await checkCredentials(deps, { email: spellings[i % spellings.length], password: `guess-${i}` })).toEqual({ ok: false, reason: "invalid" });
    }
    // the right password is refused too while the limit holds: a guesser learns nothing
    for (const email of spellings) expect(await checkCredentials(deps, { email, password: PASSWORD })).toEqual({ ok: false, reason: "rate-limited" });
    // other accounts are not locked out by someone else's failures
    expect(await checkCredentials(deps, { email: "other@example.com", password: "whatever-1" })).toEqual({ ok: false, reason: "invalid" });
    t += 5 * 60_000;
    expect(await checkCredentials(deps, { email: EMAIL, password: PASSWORD })).toMatchObject({ ok: true });
  });

  it("counts guesses sent in parallel before any is checked: 100 at once, 10 checked", async () => {
    let checked = 0;
    const users = { authenticate: async (email: string, password: string) => (checked++, services.users.authenticate(email, password)) };
    const deps: CredentialsDeps = { users, loginLimiter: createLoginLimiter(10, 5 * 60_000, Date.now) };
    const outcomes = await Promise.all(Array.from({ length: 100 }, (_, i) => checkCredentials(deps, { email: EMAIL, password: `guess-${i}` })));
    expect(checked).toBe(10);
    expect(outcomes.filter((o) => !o.ok && o.reason === "rate-limited")).toHaveLength(90);
  });
});
