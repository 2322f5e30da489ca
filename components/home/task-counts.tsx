"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { formatInt } from "@/components/shared/format";
import { Card, cx, Skeleton } from "@/components/ui";

const TILES = [
  { key: "all", label: "Tasks", href: "/tasks", tone: "text-neutral-900" },
  { key: "active", label: "In progress", href: "/tasks?status=running", tone: "text-sky-700" },
  { key: "completed", label: "Completed", href: "/tasks?status=completed", tone: "text-emerald-700" },
  { key: "failed", label: "Failed", href: "/tasks?status=failed", tone: "text-rose-700" },
] as const;

/** Totals per status, each a link to the filtered list; refreshed while anything is in progress. */
export function TaskCounts() {
  const trpc = useTRPC();
  const counts = useQuery(
    trpc.tasks.counts.queryOptions(undefined, {
      refetchInterval: (query) => ((query.state.data?.queued ?? 0) + (query.state.data?.running ?? 0) > 0 ? 3000 : false),
    }),
  );
  const c = counts.data;
  const values: Record<(typeof TILES)[number]["key"], number | undefined> = {
    all: c && c.queued + c.running + c.completed + c.failed + c.cancelled,
    active: c && c.queued + c.running,
    completed: c?.completed,
    failed: c?.failed,
  };
  return (
    <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
      {TILES.map((tile) => (
        <Link key={tile.key} href={tile.href} className="group">
          <Card className="px-5 py-4 transition-shadow group-hover:shadow-md">
            <p className="text-xs font-medium text-neutral-500">{tile.label}</p>
            {values[tile.key] === undefined ? (
              <Skeleton className="mt-2 h-7 w-12" />
            ) : (
              <p className={cx("mt-1 text-2xl font-semibold tabular-nums", tile.tone)} data-testid={`count-${tile.key}`}>
                {formatInt(values[tile.key])}
              </p>
            )}
          </Card>
        </Link>
      ))}
    </div>
  );
}
