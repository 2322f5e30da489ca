"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import type { BreakerView } from "./breaker-status";

/** Breaker states change with traffic, not with edits: poll them, and tick the clock so countdowns move. */
const REFRESH_MS = 5000;

/** Every model's circuit breaker by model id, refreshed every few seconds, plus the time to count down from. */
export function useBreakers(): { byModel: ReadonlyMap<string, BreakerView>; now: number } {
  const trpc = useTRPC();
  const breakers = useQuery({ ...trpc.models.breakers.queryOptions(), refetchInterval: REFRESH_MS });
  const [now, setNow] = useState(() => Date.now());
  const counting = (breakers.data ?? []).some((b) => b.state === "open");
  useEffect(() => {
    // only an open breaker has a countdown to show; otherwise the roster need not re-render every second
    if (!counting) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [counting]);
  const byModel = useMemo(() => new Map((breakers.data ?? []).map((b) => [b.modelId, b])), [breakers.data]);
  // the fetch time is a floor: the clock only ticks while something counts down
  return { byModel, now: Math.max(now, breakers.dataUpdatedAt) };
}
