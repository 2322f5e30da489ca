import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, filtersFromParams, filtersToParams, hasActiveFilters, toListInput } from "./list-params";

describe("task list URL params", () => {
  it("reads filters from a URL and ignores junk", () => {
    const filters = filtersFromParams(new URLSearchParams("page=3&q=capital&status=failed&model=sim-glitch&from=2026-11-01&to=nope"));
    expect(filters).toEqual({ page: 3, search: "capital", status: "failed", modelId: "sim-glitch", from: "2026-11-01", to: "" });
    expect(filtersFromParams({ page: "-2", status: "exploded" })).toEqual(DEFAULT_FILTERS);
    expect(filtersFromParams({ page: ["2", "5"] }).page).toBe(2);
  });

  it("writes only what differs from the defaults, and round-trips", () => {
    expect(filtersToParams(DEFAULT_FILTERS).toString()).toBe("");
    const filters = { ...DEFAULT_FILTERS, page: 2, search: "good morning", status: "completed" as const };
    const params = filtersToParams(filters);
    expect(params.toString()).toBe("q=good+morning&status=completed&page=2");
    expect(filtersFromParams(params)).toEqual(filters);
  });

  it("knows when a filter is active", () => {
    expect(hasActiveFilters(DEFAULT_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_FILTERS, page: 4 })).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_FILTERS, to: "2026-01-01" })).toBe(true);
  });

  it("builds the tasks.list input, with whole days for the date range", () => {
    expect(toListInput(DEFAULT_FILTERS)).toEqual({ page: 1, pageSize: 20 });
    const input = toListInput({ ...DEFAULT_FILTERS, search: "  x  ", from: "2026-11-01", to: "2026-11-01" }, 10);
    expect(input.search).toBe("x");
    expect(input.pageSize).toBe(10);
    expect(input.to! - input.from!).toBe(24 * 3600 * 1000 - 1);
  });
});
