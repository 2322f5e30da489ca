import { Skeleton, SkeletonRows } from "@/components/ui";

/** The skeleton every dashboard page shows while its data loads (each segment's loading.tsx re-exports it). */
export function PageLoading() {
  return (
    <div aria-busy="true">
      <span className="sr-only">Loading…</span>
      <Skeleton className="mb-2 h-7 w-48" />
      <Skeleton className="mb-8 h-4 w-80" />
      <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
      <SkeletonRows rows={6} />
    </div>
  );
}
