"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { cx } from "./cx";

const AXIS = {
  // sideways: a shadow at the edge that hides content
  x: "scroll-cue relative overflow-x-auto",
  y: "overflow-y-auto",
} as const;

/**
 * A scrolling box. While its content overflows it, it is a named group in the tab order, so keyboard users can
 * scroll it too; otherwise it is a plain box and adds no tab stop.
 */
export function Scroller({ label, axis = "x", className, children }: { label: string; axis?: keyof typeof AXIS; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setOverflows(axis === "x" ? box.scrollWidth > box.clientWidth + 1 : box.scrollHeight > box.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, [axis]);
  return (
    <div
      ref={ref}
      className={cx(AXIS[axis], "focus-visible:outline-2 focus-visible:outline-indigo-600", className)}
      {...(overflows ? { tabIndex: 0, role: "group", "aria-label": label } : {})}
    >
      {children}
    </div>
  );
}
