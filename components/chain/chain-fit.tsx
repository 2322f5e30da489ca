"use client";

import { useReactFlow, useStore } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { chooseViewport, isClipped, type Box } from "./chain-viewport";

const boxKey = (box: Box | null) => (box ? `${Math.round(box.x)},${Math.round(box.y)},${Math.round(box.width)},${Math.round(box.height)}` : "");

/**
 * Places the view when the chain changes shape (a step starts, a node is measured), when another step starts
 * running, or when the pane resizes; never on streamed tokens, so a user who panned is left alone meanwhile.
 * Between two steps nothing runs: the view stays on the last running step instead of jumping back to the start.
 */
export function AutoFit({ box, focus }: { box: Box | null; focus: Box | null }) {
  const { setViewport } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const latest = useRef({ box, focus });
  const followed = useRef<Box | null>(null);
  const placed = useRef(false);
  useEffect(() => {
    latest.current = { box, focus };
  });
  const shape = boxKey(box);
  const active = boxKey(focus);
  useEffect(() => {
    const { box: current, focus: running } = latest.current;
    if (!current || width === 0 || height === 0) return;
    if (running) followed.current = running;
    const view = chooseViewport(current, { width, height }, followed.current);
    // mid-layout sizes can be degenerate; a non-finite transform would reach every SVG attribute as NaN
    if (![view.x, view.y, view.zoom].every(Number.isFinite)) return;
    // the first placement jumps; later ones glide so the user sees where the view went
    void setViewport(view, { duration: placed.current ? 200 : 0 });
    placed.current = true;
  }, [shape, active, width, height, setViewport]);
  return null;
}

/**
 * A line under the graph while part of the chain is out of view. Under it rather than over it: at a readable
 * zoom the nodes fill the pane, so an overlay would cover one. Needs a ReactFlowProvider around the graph.
 */
export function PanHint({ box }: { box: Box | null }) {
  const clipped = useStore((s) => {
    if (!box) return false;
    const [x, y, zoom] = s.transform;
    return isClipped(box, { x, y, zoom }, { width: s.width, height: s.height });
  });
  if (!clipped) return null;
  return <p className="-mt-1 text-xs text-neutral-500">Part of the chain is out of view: drag the graph to pan, or use the fit button to see all of it.</p>;
}
