import { describe, expect, it } from "vitest";
import { gatewayBaseUrls } from "./base-urls";

describe("gatewayBaseUrls", () => {
  const page = { protocol: "http:", hostname: "ensemble.local", origin: "http://ensemble.local:3000" };

  it("lists the gateway port first when the server opened one, then the dashboard's /api/v1", () => {
    expect(gatewayBaseUrls(page, 3001).map((b) => b.url)).toEqual(["http://ensemble.local:3001/api/v1", "http://ensemble.local:3000/api/v1"]);
  });

  it("offers only the dashboard's /api/v1 without a gateway port", () => {
    expect(gatewayBaseUrls(page, null).map((b) => b.url)).toEqual(["http://ensemble.local:3000/api/v1"]);
  });

  it("brackets an IPv6 host", () => {
    expect(gatewayBaseUrls({ protocol: "http:", hostname: "::1", origin: "http://[::1]:3000" }, 3001)[0]?.url).toBe("http://[::1]:3001/api/v1");
  });
});
