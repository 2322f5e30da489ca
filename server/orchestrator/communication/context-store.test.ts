import { describe, expect, it } from "vitest";
import { createContextStore, fitContext, type ContextEntry } from "./context-store";
import { estimateTokens } from "./tokens";

const entry = (from: string, content: string, kind: ContextEntry["kind"] = "response"): ContextEntry => ({
  from,
  to: "step:9",
  kind,
  content,
  tokens: estimateTokens(content),
});

describe("fitContext", () => {
  it("leaves context that fits alone", () => {
    const entries = [entry("step:0", "short"), entry("step:1", "also short")];
    expect(fitContext(entries, 100)).toEqual(entries);
  });

  it("replaces the oldest entries with a summary line first, keeping the newest whole", () => {
    const old = entry("step:0", "A".repeat(2000)); // 500 tokens
    const recent = entry("step:1", "B".repeat(400), "critique"); // 100 tokens
    const fitted = fitContext([old, recent], 200);
    expect(fitted).toHaveLength(2);
    expect(fitted[0]?.trimmed).toBe(true);
    expect(fitted[0]?.content).toMatch(/^\[earlier response from step:0 trimmed to fit the context window \(500 tokens\); it began: "A{160}…"\]$/);
    expect(fitted[1]).toEqual(recent);
    expect(fitted.reduce((s, e) => s + e.tokens, 0)).toBeLessThanOrEqual(200);
  });

  it("drops the oldest summaries when even they do not fit", () => {
    const entries = [entry("step:0", "A".repeat(2000)), entry("step:1", "B".repeat(2000)), entry("step:2", "C".repeat(300))];
    const fitted = fitContext(entries, 150);
    expect(fitted.map((e) => e.from)).toEqual(["step:1", "step:2"]);
    expect(fitted.reduce((s, e) => s + e.tokens, 0)).toBeLessThanOrEqual(150);
  });

  it("cuts the newest entry when it alone overflows", () => {
    const fitted = fitContext([entry("step:0", "x".repeat(4000))], 100);
    expect(fitted).toHaveLength(1);
    expect(fitted[0]?.tokens).toBeLessThanOrEqual(100);
    expect(fitted[0]?.content).toMatch(/…\[truncated to fit the context window\]$/);
  });

  it("returns nothing for a zero budget", () => {
    expect(fitContext([entry("step:0", "hello")], 0)).toEqual([]);
  });
});

describe("createContextStore", () => {
  it("keeps delivery order and filters by receiver", () => {
    const store = createContextStore();
    store.add({ ...entry("step:0", "a"), to: "step:1" });
    store.add({ ...entry("step:0", "b"), to: "step:2" });
    store.add({ ...entry("step:1", "c"), to: "step:2" });
    expect(store.inbox("step:2").map((e) => e.content)).toEqual(["b", "c"]);
    expect(store.all()).toHaveLength(3);
  });
});
