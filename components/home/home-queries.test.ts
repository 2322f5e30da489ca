import { describe, expect, it } from "vitest";
import { filtersFromParams } from "@/components/tasks/list-params";
import { countsBehindTable, countTiles, hasActive, tasksHref, type StatusCounts } from "./home-queries";

const counts: StatusCounts = { queued: 9, running: 3, completed: 5, failed: 1, cancelled: 2 };

/** The status filter the task list reads from a tile's link. */
const statusOf = (href: string) => filtersFromParams(new URL(href, "http://x").searchParams).status;

describe("home count tiles", () => {
  it("adds up the statuses each tile counts", () => {
    const values = Object.fromEntries(countTiles(counts).map((t) => [t.key, t.value]));
    expect(values).toEqual({ all: 20, active: 12, completed: 5, failed: 1 });
  });

  it("links every tile to a list filter that shows exactly what it counts", () => {
    const tiles = countTiles(counts);
    const byKey = Object.fromEntries(tiles.map((t) => [t.key, t]));
    expect(byKey.all?.href).toBe("/tasks");
    expect(statusOf(byKey.completed?.href ?? "")).toBe("completed");
    expect(statusOf(byKey.failed?.href ?? "")).toBe("failed");
    // queued + running has no single filter: the tile links each part instead of pretending to be "running"
    const active = byKey.active;
    expect(active?.href).toBeNull();
    expect(active?.parts.map((p) => [p.label, p.value, statusOf(p.href)])).toEqual([
      ["running", 3, "running"],
      ["queued", 9, "queued"],
    ]);
    expect(active?.parts.reduce((sum, p) => sum + p.value, 0)).toBe(active?.value);
  });

  it("shows no values (skeletons) before the counts load", () => {
    for (const tile of countTiles(undefined)) {
      expect(tile.value).toBeUndefined();
      expect(tile.parts).toEqual([]);
    }
  });

  it("builds list links in the list's own URL format", () => {
    expect(tasksHref("running")).toBe("/tasks?status=running");
    expect(tasksHref("")).toBe("/tasks");
  });
});

describe("keeping the tiles in step with the recent tasks table", () => {
  it("refreshes while anything is queued or running", () => {
    expect(hasActive(counts)).toBe(true);
    expect(hasActive({ ...counts, queued: 0, running: 0 })).toBe(false);
    expect(hasActive(undefined)).toBe(false);
  });

  it("is behind when the table was fetched after the counts", () => {
    expect(countsBehindTable(1_000, 3_000)).toBe(true);
    expect(countsBehindTable(3_000, 3_000)).toBe(false);
    expect(countsBehindTable(3_050, 3_000)).toBe(false);
    // the table has not loaded yet: nothing to follow
    expect(countsBehindTable(0, 0)).toBe(false);
  });
});
