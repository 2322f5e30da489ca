import * as fs from "node:fs";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { isDomainError } from "@/server/orchestrator/errors";
import type { LabFiles } from "@/server/orchestrator/lab";
import { createDatasetStore, readLabDir } from "./lab-data";

// the store's own writes and reads go through these: a test can fail one, or act between two
vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs")>();
  return { ...actual, writeFileSync: vi.fn(actual.writeFileSync), readFileSync: vi.fn(actual.readFileSync) };
});

function dataset(prefix: string, n = 12, version = "1"): LabFiles {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  return {
    "items.jsonl": ids.map((id) => JSON.stringify({ id, family: "f", prompt: `What is ${id}? (version ${version})` })).join("\n"),
    "outcomes.jsonl": ids.map((id) => JSON.stringify({ id, model: "m", correct: true, answer: version, outputChars: 4 })).join("\n"),
    "models.json": JSON.stringify([{ id: "m", inputUsdPerMTok: 1, outputUsdPerMTok: 2 }]),
  };
}

function scratch() {
  const root = mkdtempSync(path.join(tmpdir(), "ensemble-lab-data-"));
  return { root, store: createDatasetStore(() => root) };
}

const errorOf = (fn: () => unknown): Error => {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("did not throw");
};

describe("dataset store: replacing", () => {
  it("refuses an existing name with a ConflictError unless replace is set, then swaps the whole set", () => {
    const { root, store } = scratch();
    expect(store.write("s", dataset("old"))).toMatchObject({ name: "s", items: 12, replaced: false });
    const conflict = errorOf(() => store.write("s", dataset("new")));
    expect(isDomainError(conflict) && conflict.code).toBe("CONFLICT");
    expect(conflict.message).toMatch(/a data set named "s" already exists.*replace/);
    expect(store.read("s").items[0]?.id).toBe("old-0"); // untouched

    expect(store.write("s", dataset("new", 5), { replace: true })).toMatchObject({ items: 5, replaced: true });
    expect(store.read("s").items.map((i) => i.id)).toEqual(["new-0", "new-1", "new-2", "new-3", "new-4"]);
    // no staging or replaced folder left behind; only the set is listed
    expect(readdirSync(root)).toEqual(["s"]);
    expect(store.list()).toEqual([{ name: "s", items: 5, models: 1 }]);
  });

  it("validates before the conflict check and before writing anything", () => {
    const { root, store } = scratch();
    store.write("s", dataset("old"));
    const bad = { ...dataset("new"), "models.json": JSON.stringify([{ id: "m", inputUsdPerMTok: 1e308, outputUsdPerMTok: 1 }]) };
    expect(errorOf(() => store.write("s", bad, { replace: true })).message).toBe("models.json line 1: inputUsdPerMTok: must be at most 10,000");
    expect(errorOf(() => store.write("t", bad)).message).toMatch(/^models\.json line 1/);
    expect(readdirSync(root)).toEqual(["s"]);
  });

  it("leaves the old set whole when writing the new one fails, and cleans up the staging folder", () => {
    const { root, store } = scratch();
    store.write("s", dataset("old"));
    const actual = vi.mocked(fs.writeFileSync).getMockImplementation() as typeof fs.writeFileSync;
    vi.mocked(fs.writeFileSync).mockImplementation((file, data, options) => {
      if (String(file).endsWith("models.json")) throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
      return actual(file, data, options);
    });
    expect(errorOf(() => store.write("s", dataset("new"), { replace: true })).message).toMatch(/ENOSPC/);
    vi.mocked(fs.writeFileSync).mockImplementation(actual);
    expect(readdirSync(root)).toEqual(["s"]);
    const data = store.read("s");
    expect(data.items.map((i) => i.id)).toEqual(Array.from({ length: 12 }, (_, i) => `old-${i}`));
    expect(data.outcomes.every((o) => o.id.startsWith("old-"))).toBe(true);
  });

  it("stores files without a byte-order mark, so listing and reading agree", () => {
    const { root, store } = scratch();
    const files = dataset("b");
    store.write("bom", { "items.jsonl": `\uFEFF${files["items.jsonl"]}`, "outcomes.jsonl": `\uFEFF${files["outcomes.jsonl"]}`, "models.json": `\uFEFF${files["models.json"]}` });
    expect(readFileSync(path.join(root, "bom", "models.json"), "utf8").charCodeAt(0)).toBe("[".charCodeAt(0));
    expect(store.list()).toEqual([{ name: "bom", items: 12, models: 1 }]);
  });
});

describe("readLabDir", () => {
  it("names the file when one of the three is a folder", () => {
    const { root } = scratch();
    const dir = path.join(root, "d");
    mkdirSync(path.join(dir, "models.json"), { recursive: true });
    const files = dataset("x");
    writeFileSync(path.join(dir, "items.jsonl"), files["items.jsonl"]);
    writeFileSync(path.join(dir, "outcomes.jsonl"), files["outcomes.jsonl"]);
    const error = errorOf(() => readLabDir(dir));
    expect(error.message).toContain(path.join(dir, "models.json"));
    expect(error.message).toMatch(/is a folder, not a file/);
    expect(isDomainError(error) && error.code).toBe("INVALID_INPUT");
  });

  it("never mixes two versions of a set when an import replaces it mid-read", () => {
    const { store } = scratch();
    store.write("s", dataset("q", 12, "old"));
    const actual = vi.mocked(fs.readFileSync).getMockImplementation() as typeof fs.readFileSync;
    let swapped = false;
    vi.mocked(fs.readFileSync).mockImplementation(((file: fs.PathOrFileDescriptor, options?: unknown) => {
      const text = (actual as (f: fs.PathOrFileDescriptor, o?: unknown) => string | Buffer)(file, options);
      // another process replaces the set right after this one read items.jsonl
      if (!swapped && String(file).endsWith(path.join("s", "items.jsonl"))) {
        swapped = true;
        store.write("s", dataset("q", 12, "new"), { replace: true });
      }
      return text;
    }) as typeof fs.readFileSync);
    try {
      const data = store.read("s");
      expect(swapped).toBe(true);
      // same ids in both versions: a mix would parse; every row must come from the new one
      expect(new Set([...data.items.map((i) => i.prompt.match(/version (\w+)/)?.[1]), ...data.outcomes.map((o) => o.answer)])).toEqual(new Set(["new"]));
    } finally {
      vi.mocked(fs.readFileSync).mockImplementation(actual);
    }
  });
});
