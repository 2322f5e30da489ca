"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, type ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { formatInt } from "@/components/shared/format";
import { Card, cx, Skeleton } from "@/components/ui";
import { COUNTS_REFRESH_MS, countsBehindTable, countTiles, hasActive, RECENT_TASKS_INPUT, type CountTile } from "./home-queries";

function TileBody({ tile, footer }: { tile: CountTile; footer?: ReactNode }) {
  return (
    <>
      <p className="text-xs font-medium text-neutral-500">{tile.label}</p>
      {tile.value === undefined ? (
        <Skeleton className="mt-2 h-7 w-12" />
      ) : (
        <p className={cx("mt-1 text-2xl font-semibold tabular-nums", tile.tone)} data-testid={`count-${tile.key}`}>
          {formatInt(tile.value)}
        </p>
      )}
      {footer}
    </>
  );
}

/** A tile over several statuses: one link per status, since the task list filters by one at a time. */
function SplitTile({ tile }: { tile: CountTile }) {
  return (
    <Card className="h-full px-5 py-4">
      <TileBody
        tile={tile}
        footer={
          tile.parts.length > 0 && (
            <p className="mt-0.5 text-xs text-neutral-500">
              {tile.parts.map((part, i) => (
                <span key={part.label}>
                  {i > 0 && " · "}
                  <Link
                    href={part.href}
                    className="underline decoration-neutral-300 underline-offset-2 hover:text-neutral-900 hover:decoration-neutral-500"
                    data-testid={`count-link-${part.label}`}
                  >
                    {formatInt(part.value)} {part.label}
                  </Link>
                </span>
              ))}
            </p>
          )
        }
      />
    </Card>
  );
}

/** Totals per status, each linking to the list filtered to what it counts; refreshed together with the recent tasks table. */
export function TaskCounts() {
  const trpc = useTRPC();
  const counts = useQuery(
    trpc.tasks.counts.queryOptions(undefined, {
      // active tasks older than the table's ten still move the tiles
      refetchInterval: (query) => (hasActive(query.state.data) ? COUNTS_REFRESH_MS : false),
    }),
  );
  // Watch the table's query without fetching it (RecentTasks owns that): each time it brings newer rows, the tiles
  // fetch too, so they never show fewer completed tasks than the table right below them.
  const table = useQuery({ ...trpc.tasks.list.queryOptions(RECENT_TASKS_INPUT), enabled: false });
  const { refetch } = counts;
  const behind = countsBehindTable(counts.dataUpdatedAt, table.dataUpdatedAt);
  useEffect(() => {
    if (behind) void refetch({ cancelRefetch: false });
  }, [behind, refetch]);

  return (
    <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
      {countTiles(counts.data).map((tile) =>
        tile.href === null ? (
          <SplitTile key={tile.key} tile={tile} />
        ) : (
          <Link key={tile.key} href={tile.href} className="group">
            <Card className="h-full px-5 py-4 transition-shadow group-hover:shadow-md">
              <TileBody tile={tile} />
            </Card>
          </Link>
        ),
      )}
    </div>
  );
}
