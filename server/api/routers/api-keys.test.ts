import { describe, expect, it } from "vitest";
import { setGatewayPortInUse } from "../gateway/endpoint";
import { createHarness } from "../testing/harness";

describe("apiKeys.endpoint", () => {
  it("tells admins the gateway's own port once the server opened one, and no one else", async () => {
    const h = await createHarness();
    expect(await h.as("admin").apiKeys.endpoint()).toEqual({ gatewayPort: null });
    setGatewayPortInUse(3001);
    expect(await h.as("admin").apiKeys.endpoint()).toEqual({ gatewayPort: 3001 });
    await expect(h.as("operator").apiKeys.endpoint()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(h.as(null).apiKeys.endpoint()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
