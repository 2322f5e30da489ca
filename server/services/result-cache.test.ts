import { describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { createResultCache, resultCacheSettingsFromEnv } from "./result-cache";
import { resultCacheKey } from "./result-cache-key";

const answer = (taskId: string, output = `answer of ${taskId}`) => ({ output, modelId: "m1", taskId, inputTokens: 10, outputTokens: 5, costUsd: 0.001 });

function cacheAt(settings: { ttlMs: number; maxEntries: number }) {
  let now = 1_000_000;
  const cache = createResultCache({ db: createDb(":memory:"), settings, now: () => now });
  return { cache, advance: (ms: number) => (now += ms) };
}

describe("result cache key", () => {
  const base = { prompt: "What is 2 + 2?", strategy: "auto", policy: "balanced", constraints: {} };

  it("ignores spacing differences and constraint order, not content or line breaks", () => {
    const key = resultCacheKey(base);
    expect(resultCacheKey({ ...base, prompt: "  What  is 2\t+  2? " })).toBe(key);
    // the analyser reads line by line: a list on separate lines may ask for another format than the same words on one line
    expect(resultCacheKey({ ...base, prompt: "Classify: - I love it - I hate it" })).not.toBe(resultCacheKey({ ...base, prompt: "Classify:\n- I love it\n- I hate it" }));
    expect(resultCacheKey({ ...base, prompt: "Classify:\n  - I love it\n\n- I hate it  " })).toBe(resultCacheKey({ ...base, prompt: "Classify:\n- I love it\n- I hate it" }));
    expect(resultCacheKey({ ...base, prompt: "What is 2 + 3?" })).not.toBe(key);
    expect(resultCacheKey({ ...base, constraints: { maxCostUsd: 1, minQuality: 0.5 } })).toBe(
      resultCacheKey({ ...base, constraints: { minQuality: 0.5, maxCostUsd: 1 } }),
    );
    expect(resultCacheKey({ ...base, constraints: { maxCostUsd: 1 } })).not.toBe(key);
  });

  it("separates targets: strategy, policy and a pinned model", () => {
    const key = resultCacheKey(base);
    expect(resultCacheKey({ ...base, strategy: "vote" })).not.toBe(key);
    expect(resultCacheKey({ ...base, policy: "cost" })).not.toBe(key);
    expect(resultCacheKey({ ...base, pinnedModelId: "m1" })).not.toBe(resultCacheKey({ ...base, pinnedModelId: "m2" }));
    expect(resultCacheKey({ ...base, pinnedModelId: "m1", pinnedFallbacks: ["m2"] })).not.toBe(resultCacheKey({ ...base, pinnedModelId: "m1" }));
  });

  it("separates sampling parameters, in any key order", () => {
    expect(resultCacheKey({ ...base, sampling: { temperature: 0.2 } })).not.toBe(resultCacheKey(base));
    expect(resultCacheKey({ ...base, sampling: { temperature: 0.2, topP: 0.9 } })).toBe(resultCacheKey({ ...base, sampling: { topP: 0.9, temperature: 0.2 } }));
    expect(resultCacheKey({ ...base, sampling: {} })).toBe(resultCacheKey(base));
  });

  it("treats a bare prompt as one user message, and a system message as part of the request", () => {
    const asMessage = resultCacheKey({ ...base, messages: [{ role: "user", content: "What is 2 + 2?" }] });
    expect(asMessage).toBe(resultCacheKey(base));
    const withSystem = resultCacheKey({ ...base, messages: [{ role: "system", content: "Be terse." }, { role: "user", content: "What is 2 + 2?" }] });
    expect(withSystem).not.toBe(asMessage);
  });
});

describe("result cache store", () => {
  it("serves an answer until its TTL runs out", () => {
    const { cache, advance } = cacheAt({ ttlMs: 60_000, maxEntries: 100 });
    cache.store("k1", answer("t1"));
    expect(cache.lookup("k1")).toEqual({ output: "answer of t1", modelId: "m1", taskId: "t1" });
    expect(cache.lookup("k2")).toBeUndefined();
    advance(59_999);
    expect(cache.lookup("k1")?.taskId).toBe("t1");
    advance(2);
    expect(cache.lookup("k1")).toBeUndefined();
    expect(cache.stats().entries).toBe(0);
  });

  it("applies a TTL lowered since to the entries stored before", () => {
    const db = createDb(":memory:");
    let now = 1_000_000;
    createResultCache({ db, settings: { ttlMs: 24 * 3_600_000, maxEntries: 100 }, now: () => now }).store("k1", answer("t1"));
    const reopened = createResultCache({ db, settings: { ttlMs: 60_000, maxEntries: 100 }, now: () => now });
    now += 59_000;
    expect(reopened.lookup("k1")?.taskId).toBe("t1");
    now += 3_600_000;
    expect(reopened.lookup("k1")).toBeUndefined();
  });

  it("does not serve, and drops, an answer whose model may no longer answer", () => {
    const { cache } = cacheAt({ ttlMs: 60_000, maxEntries: 100 });
    cache.store("k1", answer("t1"));
    expect(cache.lookup("k1", (id) => id !== "m1")).toBeUndefined();
    // dropped, not just skipped: the model coming back does not revive the old answer
    expect(cache.lookup("k1")).toBeUndefined();
    expect(cache.stats().entries).toBe(0);
  });

  it("keeps at most maxEntries, evicting the least recently used", () => {
    const { cache, advance } = cacheAt({ ttlMs: 3_600_000, maxEntries: 10 });
    for (let i = 0; i < 10; i++) {
      cache.store(`k${i}`, answer(`t${i}`));
      advance(1);
    }
    expect(cache.lookup("k0")?.taskId).toBe("t0"); // k0 is now the most recently used
    advance(1);
    for (let i = 10; i < 15; i++) {
      cache.store(`k${i}`, answer(`t${i}`));
      advance(1);
    }
    const entries = cache.stats().entries;
    expect(entries).toBeLessThanOrEqual(10);
    expect(cache.lookup("k0")?.taskId).toBe("t0");
    expect(cache.lookup("k14")?.taskId).toBe("t14");
    expect(cache.lookup("k1")).toBeUndefined();
  });

  it("replaces an entry for the same key with the newer answer", () => {
    const { cache } = cacheAt({ ttlMs: 60_000, maxEntries: 10 });
    cache.store("k", answer("t1"));
    cache.store("k", answer("t2"));
    expect(cache.lookup("k")?.taskId).toBe("t2");
    expect(cache.stats().entries).toBe(1);
  });

  it("is off with a TTL of 0", () => {
    const { cache } = cacheAt({ ttlMs: 0, maxEntries: 10 });
    cache.store("k", answer("t1"));
    expect(cache.lookup("k")).toBeUndefined();
  });

  it("reads its settings from the environment, naming a bad variable", () => {
    expect(resultCacheSettingsFromEnv({})).toEqual({ ttlMs: 86_400_000, maxEntries: 10_000 });
    expect(resultCacheSettingsFromEnv({ ENSEMBLE_CACHE_TTL_SECONDS: "60", ENSEMBLE_CACHE_MAX_ENTRIES: "5" })).toEqual({ ttlMs: 60_000, maxEntries: 5 });
    expect(() => resultCacheSettingsFromEnv({ ENSEMBLE_CACHE_TTL_SECONDS: "-1" })).toThrow(/ENSEMBLE_CACHE_TTL_SECONDS must be a whole number ≥ 0 \(got "-1"\)/);
  });
});
