"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { defaultHistoryCapability, prepareProfileHistory } from "@/components/charts/prepare-profile-history";
import { useTRPC } from "@/components/providers/trpc";
import { humanize } from "@/components/shared/format";
import { Alert, Card, CardBody, CardHeader, cx, EmptyState, Skeleton } from "@/components/ui";
import type { Capability } from "@/server/orchestrator/spec";
import { ProfileHistoryChart } from "./profile-history-chart";
import type { ModelDetail } from "./types";

function CapabilitySelector({
  options,
  selected,
  onSelect,
}: {
  options: readonly { capability: Capability; changes: number }[];
  selected: Capability;
  onSelect: (c: Capability) => void;
}) {
  return (
    <div role="group" aria-label="Capability" className="flex flex-wrap gap-1" data-testid="history-capabilities">
      {options.map(({ capability, changes }) => (
        <button
          key={capability}
          type="button"
          aria-pressed={capability === selected}
          onClick={() => onSelect(capability)}
          className={cx(
            "rounded-md px-2 py-1 text-xs font-medium transition-colors",
            capability === selected ? "bg-indigo-600 text-white" : "bg-neutral-100 text-neutral-700 hover:bg-neutral-200",
          )}
        >
          {humanize(capability)} <span className={capability === selected ? "text-indigo-200" : "text-neutral-500"}>{changes}</span>
        </button>
      ))}
    </div>
  );
}

/** How each capability's score and interval moved: discovery runs, live learning, overrides. */
export function ProfileHistorySection({ model, asOf }: { model: ModelDetail; asOf: number }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.profiles.history.queryOptions({ modelId: model.id }));
  const [chosen, setChosen] = useState<Capability | null>(null);

  const prepared = prepareProfileHistory(history.data ?? [], { current: model.capabilities, now: asOf });
  const selected = (chosen && prepared.series.find((s) => s.capability === chosen)) || prepared.series.find((s) => s.capability === defaultHistoryCapability(prepared));

  return (
    <Card className="min-w-0">
      <CardHeader
        title="Profile history"
        description="Each capability's estimate and 90% interval over time. Numbers on the buttons are recorded changes."
      />
      <CardBody className="space-y-4">
        {history.isPending ? (
          <div aria-busy="true">
            <span className="sr-only">Loading history…</span>
            <Skeleton className="mb-3 h-7 w-2/3" />
            <Skeleton className="h-64" />
          </div>
        ) : history.isError ? (
          <Alert tone="error" title="Could not load the profile history">
            {history.error.message}
          </Alert>
        ) : !selected || !prepared.domain ? (
          <EmptyState
            title="No history yet"
            hint="Points are recorded when discovery runs, when tasks and feedback teach the profile, and when an admin overrides a score."
            data-testid="profile-history-empty"
          />
        ) : (
          <>
            <CapabilitySelector options={prepared.series} selected={selected.capability} onSelect={setChosen} />
            <ProfileHistoryChart series={selected} domain={prepared.domain} />
          </>
        )}
      </CardBody>
    </Card>
  );
}
