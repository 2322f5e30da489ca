import { describe, expect, it } from "vitest";
import { READABLE_ZOOM, VIEW_PADDING, boxHeight, chooseViewport, isClipped, nodesBox, type Box } from "./chain-viewport";
import type { ChainNode } from "./types";

const node = (id: string, x: number, y: number, measured?: { width: number; height: number }): ChainNode => ({
  id,
  type: "chainEndpoint",
  position: { x, y },
  data: { endpoint: { kind: "input", nodeId: "input", prompt: "", strategy: null, outgoing: [] } },
  ...(measured ? { measured } : {}),
});

/** a mixture after layout: input, three proposers, the aggregator and the result, 1092 × 450 flow px */
const mixture: Box = { x: 0, y: -225, width: 1092, height: 450 };

describe("boxHeight", () => {
  it("grows with the tallest column, within limits", () => {
    expect(boxHeight(1)).toBe(300);
    expect(boxHeight(3)).toBe(400);
    expect(boxHeight(4)).toBe(528);
    expect(boxHeight(12)).toBe(600);
    expect(boxHeight(0)).toBe(300);
  });
});

describe("nodesBox", () => {
  it("spans the measured nodes, y being each node's centre", () => {
    const box = nodesBox([node("a", 0, 0, { width: 192, height: 80 }), node("b", 300, 160, { width: 240, height: 130 })]);
    expect(box).toEqual({ x: 0, y: -40, width: 540, height: 265 });
  });

  it("waits until every node is measured", () => {
    expect(nodesBox([node("a", 0, 0, { width: 192, height: 80 }), node("b", 300, 0)])).toBeNull();
    expect(nodesBox([])).toBeNull();
  });
});

describe("chooseViewport", () => {
  it("never returns NaN for a pane with no room yet", () => {
    const view = chooseViewport({ x: 0, y: 0, width: 0, height: 0 }, { width: 2 * 20, height: 2 * 20 }, null);
    expect([view.x, view.y, view.zoom].every(Number.isFinite)).toBe(true);
  });

  it("centres a chain that fits, never above 1:1", () => {
    const view = chooseViewport({ x: 0, y: -50, width: 600, height: 100 }, { width: 1000, height: 400 }, null);
    expect(view).toEqual({ zoom: 1, x: 200, y: 200 });
  });

  it("shrinks a chain to fit while the text stays readable", () => {
    const pane = { width: 1000, height: 460 };
    const view = chooseViewport(mixture, pane, null);
    expect(view.zoom).toBeCloseTo((1000 - 2 * VIEW_PADDING) / 1092);
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(isClipped(mixture, view, pane)).toBe(false);
  });

  it("keeps a readable zoom in a narrow pane and starts at the input instead of shrinking to fit", () => {
    const pane = { width: 707, height: 400 };
    const view = chooseViewport(mixture, pane, null);
    expect(view.zoom).toBe(READABLE_ZOOM);
    expect(view.x).toBe(VIEW_PADDING);
    expect(isClipped(mixture, view, pane)).toBe(true);
  });

  it("moves along just far enough to show the running step", () => {
    const pane = { width: 707, height: 400 };
    const aggregator: Box = { x: 600, y: -65, width: 240, height: 130 };
    const view = chooseViewport(mixture, pane, aggregator);
    expect(view.zoom).toBe(READABLE_ZOOM);
    // the aggregator's right edge lands at the padding on the right
    expect(840 * view.zoom + view.x).toBeCloseTo(pane.width - VIEW_PADDING);
    // a step already in view moves nothing
    expect(chooseViewport(mixture, pane, { x: 300, y: -65, width: 240, height: 130 }).x).toBe(VIEW_PADDING);
  });

  it("shows a focus wider than the pane from its start", () => {
    const pane = { width: 320, height: 400 };
    const proposers: Box = { x: 300, y: -225, width: 240, height: 450 };
    const view = chooseViewport(mixture, pane, { ...proposers, width: 700 });
    expect(300 * view.zoom + view.x).toBeCloseTo(VIEW_PADDING);
  });
});
