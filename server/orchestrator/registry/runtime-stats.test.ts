import { describe, expect, it } from "vitest";
import { MIN_LATENCY_SAMPLES, RuntimeStats } from "./runtime-stats";

describe("RuntimeStats", () => {
  it("starts with the error prior, no latency and a closed breaker", () => {
    const stats = new RuntimeStats();
    expect(stats.snapshot()).toMatchObject({ latencySamples: 0, outcomes: 0, errorRate: 0.02, health: "closed" });
    expect(stats.p50()).toBeUndefined();
  });

  it("estimates p50 and p95 of a log-normal-ish latency stream", () => {
    const stats = new RuntimeStats();
    const samples = [800, 1000, 1200, 900, 1100, 1000, 950, 1050, 3000, 1000];
    for (const latencyMs of samples) stats.record({ latencyMs, ok: true });
    const p50 = stats.p50() as number;
    const p95 = stats.p95() as number;
    expect(p50).toBeGreaterThan(900);
    expect(p50).toBeLessThan(1300);
    expect(p95).toBeGreaterThan(p50);
    expect(p95).toBeLessThan(3000);
  });

  it("trusts the measurement only from MIN_LATENCY_SAMPLES samples on", () => {
    const stats = new RuntimeStats();
    for (let i = 1; i < MIN_LATENCY_SAMPLES; i++) stats.record({ latencyMs: 500, ok: true });
    expect(stats.trustedP95()).toBeUndefined();
    stats.record({ latencyMs: 500, ok: true });
    expect(stats.trustedP95()).toBeCloseTo(500, 6);
  });

  it("follows a shift: the EWMA forgets old latencies", () => {
    const stats = new RuntimeStats();
    for (let i = 0; i < 50; i++) stats.record({ latencyMs: 200, ok: true });
    for (let i = 0; i < 60; i++) stats.record({ latencyMs: 4000, ok: true });
    expect(stats.p50()).toBeGreaterThan(3500);
  });

  it("tracks a recent error rate, damped by the prior at first", () => {
    const stats = new RuntimeStats();
    stats.record({ latencyMs: 0, ok: false, errorKind: "server" });
    expect(stats.rate).toBeGreaterThan(0.1);
    expect(stats.rate).toBeLessThan(0.3);
    for (let i = 0; i < 100; i++) stats.record({ latencyMs: 100, ok: i % 2 === 0, errorKind: i % 2 === 0 ? undefined : "rate-limit" });
    expect(stats.rate).toBeGreaterThan(0.35);
    expect(stats.rate).toBeLessThan(0.65);
  });

  it("ignores calls we aborted, and counts a timeout's duration but not other failures'", () => {
    const stats = new RuntimeStats();
    stats.record({ latencyMs: 50, ok: false, errorKind: "aborted" });
    expect(stats.snapshot().outcomes).toBe(0);
    stats.record({ latencyMs: 9, ok: false, errorKind: "server" });
    expect(stats.samples).toBe(0);
    stats.record({ latencyMs: 30_000, ok: false, errorKind: "timeout" });
    expect(stats.samples).toBe(1);
    expect(stats.p50()).toBeCloseTo(30_000, 3);
  });
});
