import { describe, expect, it } from "vitest";
import { createProviderSchema } from "./providers";

function baseUrlIssues(baseUrl: string): string[] {
  const result = createProviderSchema.safeParse({ name: "Local", kind: "openai-compatible", baseUrl });
  return result.success ? [] : result.error.issues.filter((issue) => issue.path.join(".") === "baseUrl").map((issue) => issue.message);
}

describe("createProviderSchema: baseUrl", () => {
  it.each([
    ["http://169.254.169.254/latest", "169.254.169.254", "link-local (cloud metadata)"],
    ["http://2852039166/latest", "169.254.169.254", "link-local (cloud metadata)"], // the same address as one number
    ["http://[fe80::1]:11434/v1", "fe80::1", "link-local (cloud metadata)"],
    ["http://[::ffff:169.254.169.254]/v1", "::ffff:a9fe:a9fe", "link-local (cloud metadata)"],
    ["http://[fd00:ec2::254]/v1", "fd00:ec2::254", "a cloud metadata address (AWS, IPv6)"],
  ])("refuses %s, saying which address and why", (baseUrl, host, reason) => {
    expect(baseUrlIssues(baseUrl)).toEqual([`must not point at ${host}, which is ${reason}: Ensemble does not call it`]);
  });

  it("reads as `baseUrl: …` once the API prefixes the field", () => {
    const result = createProviderSchema.safeParse({ name: "Metadata", kind: "openai-compatible", baseUrl: "http://169.254.169.254/latest" });
    expect(result.success).toBe(false);
    const [issue] = result.error!.issues;
    expect(`${issue!.path.join(".")}: ${issue!.message}`).toBe(
      "baseUrl: must not point at 169.254.169.254, which is link-local (cloud metadata): Ensemble does not call it",
    );
  });

  it.each([
    "http://localhost:11434/v1",
    "http://127.0.0.1:8000/v1",
    "http://10.0.0.5:1234/v1",
    "http://192.168.1.20:11434/v1",
    "http://[::1]:8080/v1",
    "https://api.openai.com/v1",
    "http://metadata.google.internal/v1", // a name: checked on what it resolves to, at each call
  ])("accepts %s", (baseUrl) => {
    expect(baseUrlIssues(baseUrl)).toEqual([]);
  });
});
