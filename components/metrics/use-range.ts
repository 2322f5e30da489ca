"use client";

import { useCallback, useState } from "react";
import type { MetricRange } from "@/server/api/schemas/metrics";

/** The range lives in `?range=` (replaceState, no navigation), so a reload or a shared link keeps it. */
export function useRange(initial: MetricRange): [MetricRange, (range: MetricRange) => void] {
  const [range, setRange] = useState(initial);
  const change = useCallback((next: MetricRange) => {
    setRange(next);
    const url = new URL(window.location.href);
    url.searchParams.set("range", next);
    window.history.replaceState(null, "", url);
  }, []);
  return [range, change];
}

/** Live refresh interval for every metrics query. */
export const METRICS_REFRESH_MS = 5000;
