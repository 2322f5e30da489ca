import { describe, expect, it } from "vitest";
import { formatComponent, formatContext, formatInt, formatSigned, formatMs, formatPrice, formatScore, formatUsd, formatUsdCompact, formatUsdLimit, humanize, truncate } from "./format";

describe("formatUsd", () => {
  it("shows six decimals for sub-cent costs so small calls are visible", () => {
    expect(formatUsd(0.000123)).toBe("$0.000123");
    expect(formatUsd(0.0042)).toBe("$0.004200");
  });
  it("uses fewer digits for larger amounts", () => {
    expect(formatUsd(0.25)).toBe("$0.2500");
    expect(formatUsd(1234.5)).toBe("$1,234.50");
  });
  it("handles zero, nothing and the unmeasurably small", () => {
    expect(formatUsd(0)).toBe("$0");
    expect(formatUsd(null)).toBe("–");
    expect(formatUsd(1e-9)).toBe("<$0.000001");
    expect(formatUsdLimit(1e-9)).toBe("$1e-9");
    expect(formatUsdLimit(0.05)).toBe("$0.05");
  });
});

describe("other formatters", () => {
  it("formats prices per million tokens", () => {
    expect(formatPrice(10)).toBe("$10");
    expect(formatPrice(0.1)).toBe("$0.10");
    expect(formatPrice(0.075)).toBe("$0.075");
    expect(formatPrice(2.4)).toBe("$2.40");
    expect(formatPrice(0)).toBe("$0");
  });
  it("formats context windows", () => {
    expect(formatContext(200_000)).toBe("200K");
    expect(formatContext(32_768)).toBe("32.8K");
    expect(formatContext(1_000_000)).toBe("1M");
    expect(formatContext(512)).toBe("512");
  });
  it("formats durations", () => {
    expect(formatMs(850.4)).toBe("850 ms");
    expect(formatMs(1234)).toBe("1.23 s");
    expect(formatMs(75_000)).toBe("1 min 15 s");
    expect(formatMs(null)).toBe("–");
  });
  it("formats integers, scores, ids and long text", () => {
    expect(formatInt(12345)).toBe("12,345");
    expect(formatScore(0.874)).toBe("87");
    expect(humanize("short-answer")).toBe("Short answer");
    expect(truncate("a  b\nc", 10)).toBe("a b c");
    expect(truncate("x".repeat(20), 10)).toBe(`${"x".repeat(9)}…`);
  });
});

describe("routing components", () => {
  it("formats a component by what it measures", () => {
    expect(formatComponent("costUsd", 0.0013)).toBe("$0.001300");
    expect(formatComponent("latencyMs", 7301.54)).toBe("7.30 s");
    expect(formatComponent("latencyP95Ms", 900)).toBe("900 ms");
    expect(formatComponent("contextWindow", 100000)).toBe("100K");
    expect(formatComponent("quality", 0.956)).toBe("0.96");
  });
  it("signs contributions", () => {
    expect(formatSigned(0.956)).toBe("+0.96");
    expect(formatSigned(-0.07)).toBe("−0.07");
    expect(formatSigned(0.001)).toBe("0.00");
  });
});

describe("formatUsdCompact", () => {
  it("keeps two significant digits in plain decimals, never exponents", () => {
    expect(formatUsdCompact(1e-7)).toBe("$0.0000001");
    expect(formatUsdCompact(0.00866)).toBe("$0.0087");
    expect(formatUsdCompact(0.014)).toBe("$0.014");
    expect(formatUsdCompact(0.01)).toBe("$0.01");
    expect(formatUsdCompact(0.1)).toBe("$0.1");
    expect(formatUsdCompact(2.5)).toBe("$2.50");
    expect(formatUsdCompact(0)).toBe("$0");
  });
});
