import Link from "next/link";
import { EmptyState } from "@/components/ui";
import type { EmptyCopy } from "./panel-empty";

/** A detail panel with nothing to show, saying why; a cached answer links to the task that computed it. */
export function PanelEmptyState({ copy, originTaskId }: { copy: EmptyCopy; originTaskId: string | null }) {
  const origin = copy.linkToOrigin && originTaskId;
  return (
    <EmptyState
      title={copy.title}
      hint={copy.hint || undefined}
      data-testid={copy.linkToOrigin ? "panel-cached" : undefined}
      action={
        origin ? (
          <Link href={`/tasks/${originTaskId}`} className="text-sm font-medium text-sky-700 hover:underline" data-testid="panel-cached-origin">
            See the original task →
          </Link>
        ) : undefined
      }
    />
  );
}
