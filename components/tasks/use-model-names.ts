"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useTRPC } from "@/components/providers/trpc";

/** Model id → display name from the roster (already cached on most pages); unknown ids show as themselves. */
export function useModelNames() {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.models.list.queryOptions());
  const names = useMemo(() => new Map((data ?? []).map((m) => [m.id, m.name])), [data]);
  return useCallback((id: string | null | undefined) => (id ? (names.get(id) ?? id) : "–"), [names]);
}
