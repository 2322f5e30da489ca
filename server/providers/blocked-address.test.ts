import { describe, expect, it } from "vitest";
import { BLOCKED_ADDRESS_CODE, BlockedAddressError, blockedAddressMessage, blockedAddressReason, isBlockedAddress } from "./blocked-address";

describe("isBlockedAddress", () => {
  it.each([
    "169.254.169.254", // AWS, GCP, Azure, OCI metadata
    "169.254.0.0", // first of 169.254.0.0/16
    "169.254.255.255", // last
    "169.254.170.2", // ECS task metadata
    "100.100.100.200", // Alibaba Cloud metadata
  ])("refuses IPv4 %s", (address) => expect(isBlockedAddress(address)).toBe(true));

  it.each([
    "127.0.0.1",
    "10.0.0.5",
    "192.168.1.20",
    "172.16.0.1",
    "169.253.255.255", // just below 169.254.0.0/16
    "169.255.0.0", // just above
    "100.100.100.199",
    "100.100.100.201",
    "100.64.0.1", // CGNAT / Tailscale: allowed
    "0.0.0.0", // reaches the local host, which is allowed anyway
    "8.8.8.8",
  ])("allows IPv4 %s", (address) => expect(isBlockedAddress(address)).toBe(false));

  it.each([
    "fe80::1",
    "fe80::",
    "FE80::abcd:1%eth0", // with a zone, upper case
    "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", // last of fe80::/10
    "fd00:ec2::254", // AWS metadata over IPv6
    "fd00:0ec2:0:0:0:0:0:254",
    "[fe80::1]", // as a URL's hostname writes it
  ])("refuses IPv6 %s", (address) => expect(isBlockedAddress(address)).toBe(true));

  it.each([
    "::1",
    "::",
    "fe7f:ffff::1", // just below fe80::/10
    "fec0::1", // just above
    "fd00:ec2::253",
    "fd00:ec2::254:0",
    "fd12:3456::1", // private (ULA) LAN: allowed
    "2001:db8::1",
  ])("allows IPv6 %s", (address) => expect(isBlockedAddress(address)).toBe(false));

  it.each([
    "::ffff:169.254.169.254",
    "::ffff:a9fe:a9fe", // the same, as URL serializes it
    "0:0:0:0:0:ffff:169.254.0.1",
    "::ffff:100.100.100.200",
    "64:ff9b::169.254.169.254", // NAT64
    "64:ff9b::a9fe:a9fe",
  ])("refuses the blocked IPv4 addresses written as IPv6: %s", (address) => expect(isBlockedAddress(address)).toBe(true));

  it.each(["::ffff:127.0.0.1", "::ffff:192.168.1.1", "::ffff:a9fd:ffff", "64:ff9b::10.0.0.1", "::169.254.169.254"])(
    "allows other mapped addresses: %s",
    (address) => expect(isBlockedAddress(address)).toBe(false),
  );

  it.each(["localhost", "metadata.google.internal", "", "169.254.169", "169.254.169.254.1", "1::2::3", "fe80:::1", "169.254.169.254::", "gggg::1"])(
    "is false for what is not an IP address (%s): host names are checked on what they resolve to",
    (text) => expect(isBlockedAddress(text)).toBe(false),
  );
});

describe("blockedAddressReason and the message", () => {
  it("names the rule", () => {
    expect(blockedAddressReason("169.254.169.254")).toBe("link-local (cloud metadata)");
    expect(blockedAddressReason("fd00:ec2::254")).toBe("a cloud metadata address (AWS, IPv6)");
    expect(blockedAddressReason("10.0.0.1")).toBeUndefined();
    expect(blockedAddressMessage("169.254.169.254", "link-local (cloud metadata)")).toBe(
      "provider address 169.254.169.254 is link-local (cloud metadata); Ensemble does not call it",
    );
  });

  it("BlockedAddressError carries the message, the address and the code provider-errors.ts looks for", () => {
    const error = new BlockedAddressError("::ffff:169.254.169.254", "link-local (cloud metadata)");
    expect(error).toMatchObject({
      code: BLOCKED_ADDRESS_CODE,
      address: "::ffff:169.254.169.254",
      message: "provider address ::ffff:169.254.169.254 is link-local (cloud metadata); Ensemble does not call it",
    });
  });
});
