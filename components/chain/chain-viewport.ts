import { ROW_HEIGHT } from "./chain-layout";
import type { ChainNode } from "./types";

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface PaneSize {
  width: number;
  height: number;
}

/**
 * Below this zoom node text (12 px in the nodes) drops under ~10 px and stops being readable, so a chain
 * wider than the pane is shown at this zoom and panned rather than shrunk further; the fit-view control
 * still shows the whole chain on demand.
 */
export const READABLE_ZOOM = 0.8;
export const MAX_ZOOM = 1;
/** screen pixels kept clear around the chain */
export const VIEW_PADDING = 20;

/** A step node's height once measured (header, meta line, metrics, two preview lines); used only for sizing the box. */
const STEP_NODE_HEIGHT = 130;
const MIN_BOX_HEIGHT = 300;
/** taller than this the page around it scrolls away; more rows pan instead */
const MAX_BOX_HEIGHT = 600;

/** Pixel height of the graph box: every row of the tallest column visible at a readable zoom. */
export function boxHeight(rows: number): number {
  const world = (Math.max(1, rows) - 1) * ROW_HEIGHT + STEP_NODE_HEIGHT;
  return Math.round(Math.min(MAX_BOX_HEIGHT, Math.max(MIN_BOX_HEIGHT, world * READABLE_ZOOM + 2 * VIEW_PADDING)));
}

/**
 * The box around the given nodes in flow coordinates, or null until React Flow has measured all of them (a
 * guess would fit to the wrong size and refit a frame later). Positions use nodeOrigin [0, 0.5]: y is the
 * node's vertical centre.
 */
export function nodesBox(nodes: readonly ChainNode[]): Box | null {
  if (nodes.length === 0) return null;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const node of nodes) {
    const size = node.measured;
    if (!size?.width || !size.height) return null;
    left = Math.min(left, node.position.x);
    right = Math.max(right, node.position.x + size.width);
    top = Math.min(top, node.position.y - size.height / 2);
    bottom = Math.max(bottom, node.position.y + size.height / 2);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** One axis: centred when the chain fits, else from its start, moved on just enough to show the focus. */
function offset(start: number, size: number, pane: number, zoom: number, focusStart: number | null, focusEnd: number | null): number {
  const room = pane - 2 * VIEW_PADDING;
  if (size * zoom <= room) return (pane - size * zoom) / 2 - start * zoom;
  const fromStart = VIEW_PADDING - start * zoom;
  if (focusStart === null || focusEnd === null) return fromStart;
  const overshoot = (focusEnd - start) * zoom - room;
  if (overshoot <= 0) return fromStart;
  // a focus wider than the pane keeps its own start in view rather than its end
  return fromStart - Math.min(overshoot, (focusStart - start) * zoom);
}

/**
 * Where to look: the whole chain when it fits at a readable zoom (up to 1:1), otherwise the readable zoom
 * from the start of the chain (the input), moved right or down as far as needed to show `focus` (the
 * running steps), so a live task stays followable on a narrow screen.
 */
export function chooseViewport(box: Box, pane: PaneSize, focus: Box | null): Viewport {
  const fit = Math.min((pane.width - 2 * VIEW_PADDING) / box.width, (pane.height - 2 * VIEW_PADDING) / box.height);
  // a pane or chain of no size yet (mid-layout) gives 0/0: NaN would reach the transform and every SVG attribute
  const zoom = Number.isNaN(fit) ? MAX_ZOOM : Math.min(MAX_ZOOM, Math.max(READABLE_ZOOM, fit));
  return {
    zoom,
    x: offset(box.x, box.width, pane.width, zoom, focus?.x ?? null, focus ? focus.x + focus.width : null),
    y: offset(box.y, box.height, pane.height, zoom, focus?.y ?? null, focus ? focus.y + focus.height : null),
  };
}

/** Whether part of the chain lies outside the pane at this viewport (so the user should know to pan). */
export function isClipped(box: Box, viewport: Viewport, pane: PaneSize): boolean {
  const slack = 1;
  const left = box.x * viewport.zoom + viewport.x;
  const top = box.y * viewport.zoom + viewport.y;
  return (
    left < -slack ||
    top < -slack ||
    left + box.width * viewport.zoom > pane.width + slack ||
    top + box.height * viewport.zoom > pane.height + slack
  );
}
