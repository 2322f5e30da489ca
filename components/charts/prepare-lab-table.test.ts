import { describe, expect, it } from "vitest";
import { prepareLabTable } from "./prepare-lab-table";

const row = (name: string, kind: string, accuracy: number, byFamily: Record<string, { items: number; accuracy: number }> = {}) => ({
  name,
  kind,
  description: "",
  accuracy,
  totalCostUsd: 1.5,
  costPerItemUsd: 0.00123,
  aiq: 0.5,
  byFamily,
});

describe("prepareLabTable", () => {
  it("orders Ensemble first and single models by accuracy, and formats figures", () => {
    const t = prepareLabTable([row("a", "single", 0.5), row("b", "single", 0.9), row("oracle", "reference", 1), row("balanced", "ensemble", 0.8)]);
    expect(t.rows.map((r) => r.name)).toEqual(["balanced", "oracle", "b", "a"]);
    expect(t.rows[0]).toMatchObject({ accuracy: "80.0%", totalCost: "$1.500", costPerItem: "$0.0012", aiq: "0.500", highlight: true });
  });

  it("lists every family and fills the gaps", () => {
    const t = prepareLabTable([row("x", "single", 0.5, { gsm: { items: 2, accuracy: 1 } }), row("y", "single", 0.4, { crux: { items: 1, accuracy: 0 } })]);
    expect(t.families).toEqual(["crux", "gsm"]);
    expect(t.rows.map((r) => r.families)).toEqual([["–", "100.0%"], ["0.0%", "–"]]);
  });
});
