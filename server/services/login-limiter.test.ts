import { describe, expect, it } from "vitest";
import { createLoginLimiter } from "./login-limiter";

describe("the login limiter", () => {
  it("keeps an email locked out through a flood of 10,000 other emails, and frees it when its window passes", () => {
    let t = 0;
    const limiter = createLoginLimiter(10, 60_000, () => t);
    for (let i = 0; i < 10; i++) expect(limiter.attempt("victim@example.com")).toBe(true);
    expect(limiter.attempt("victim@example.com")).toBe(false);
    for (let i = 0; i < 10_000; i++) {
      t += 1;
      limiter.attempt(`flood-${i}@example.com`);
    }
    expect(limiter.attempt("victim@example.com")).toBe(false);
    t += 60_000;
    expect(limiter.attempt("victim@example.com")).toBe(true);
  });

  it("keeps every lockout even when all tracked emails are locked out", () => {
    const limiter = createLoginLimiter(2, 60_000, () => 0);
    for (let i = 0; i < 10_001; i++) {
      limiter.attempt(`locked-${i}@example.com`);
      limiter.attempt(`locked-${i}@example.com`);
    }
    expect(limiter.attempt("locked-0@example.com")).toBe(false);
    expect(limiter.attempt("locked-10000@example.com")).toBe(false);
  });

  it("forgets an email's attempts when it signs in", () => {
    const limiter = createLoginLimiter(2, 60_000, () => 0);
    limiter.attempt("a@example.com");
    limiter.succeed("a@example.com");
    expect(limiter.attempt("a@example.com")).toBe(true);
    expect(limiter.attempt("a@example.com")).toBe(true);
    expect(limiter.attempt("a@example.com")).toBe(false);
  });
});
