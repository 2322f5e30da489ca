import { describe, expect, it } from "vitest";
import { isRateLimited, loginErrorMessage, safeRedirectPath } from "./login-errors";

describe("loginErrorMessage", () => {
  it("says wrong email or password for a failed credentials check", () => {
    expect(loginErrorMessage({ type: "CredentialsSignin", code: "credentials", message: "Read more at https://errors.authjs.dev#credentialssignin" })).toBe(
      "Wrong email or password",
    );
  });

  it("recognises the limiter's refusal however Auth.js carries it", () => {
    expect(isRateLimited({ type: "CredentialsSignin", message: "rate-limited. Read more at https://errors.authjs.dev#credentialssignin" })).toBe(true);
    expect(isRateLimited({ type: "CredentialsSignin", code: "rate-limited" })).toBe(true);
    expect(isRateLimited({ type: "CallbackRouteError", cause: { err: { code: "rate-limited" } } })).toBe(true);
    expect(loginErrorMessage({ type: "CredentialsSignin", code: "rate-limited" })).toMatch(/Too many attempts/);
    expect(isRateLimited({ type: "CredentialsSignin", code: "credentials", message: "" })).toBe(false);
  });
});

describe("safeRedirectPath", () => {
  it("keeps paths on this site", () => {
    expect(safeRedirectPath("/tasks?page=2")).toBe("/tasks?page=2");
    expect(safeRedirectPath("http://127.0.0.1:3100/models")).toBe("/models");
  });

  it("drops other hosts and falls back to the dashboard", () => {
    expect(safeRedirectPath("https://evil.example/steal")).toBe("/steal");
    expect(safeRedirectPath("//evil.example")).toBe("/");
    expect(safeRedirectPath("/login")).toBe("/");
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath("")).toBe("/");
  });
});
