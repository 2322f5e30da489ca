"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import type { ModelView } from "@/components/shared/api-types";
import { formatContext, formatPrice } from "@/components/shared/format";
import { useCan } from "@/components/shared/viewer";
import { Alert, buttonClasses, Card, CardHeader, EmptyState, Skeleton } from "@/components/ui";
import { EnabledBadge, SimulatedBadge } from "@/components/models/simulated-badge";
import { TopCapabilities } from "@/components/models/top-capabilities";
import { BreakerBadge } from "@/components/models/breaker-badge";
import type { BreakerView } from "@/components/models/breaker-status";
import { useBreakers } from "@/components/models/use-breakers";

function ModelCard({ model, breaker, now }: { model: ModelView; breaker: BreakerView | undefined; now: number }) {
  return (
    <li
      data-testid="model-card"
      data-model-id={model.id}
      className={model.enabled ? "rounded-lg border border-neutral-200 p-4" : "rounded-lg border border-dashed border-neutral-200 bg-neutral-50/60 p-4"}
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="truncate font-medium text-neutral-900">{model.name}</p>
          <p className="truncate text-xs text-neutral-500">{model.providerName}</p>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1">
          <EnabledBadge enabled={model.enabled} />
          <BreakerBadge breaker={breaker} now={now} align="end" />
          {model.isSimulated && <SimulatedBadge />}
        </div>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-2 text-xs">
        <div>
          <dt className="text-neutral-500">Price in / out ($/MTok)</dt>
          <dd className="font-medium text-neutral-800 tabular-nums">
            {formatPrice(model.inputUsdPerMTok)} / {formatPrice(model.outputUsdPerMTok)}
          </dd>
        </div>
        <div>
          <dt className="text-neutral-500">Context</dt>
          <dd className="font-medium text-neutral-800 tabular-nums">{formatContext(model.contextWindow)}</dd>
        </div>
      </dl>
      <div className="mt-3">
        <TopCapabilities capabilities={model.capabilities} />
      </div>
    </li>
  );
}

/** The roster at a glance: one card per model. */
export function RosterSummary() {
  const trpc = useTRPC();
  const isAdmin = useCan("admin");
  const models = useQuery(trpc.models.list.queryOptions());
  const breakers = useBreakers();
  return (
    <Card>
      <CardHeader
        title="Roster"
        description={models.data ? `${models.data.filter((m) => m.enabled).length} of ${models.data.length} models enabled` : undefined}
        actions={
          <Link href="/models" className={buttonClasses("ghost", "sm")}>
            Manage models →
          </Link>
        }
      />
      <div className="p-5">
        {models.isPending ? (
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {Array.from({ length: 3 }, (_, i) => (
              <Skeleton key={i} className="h-40" />
            ))}
          </div>
        ) : models.isError ? (
          <Alert tone="error" title="Could not load the roster">
            {models.error.message}
          </Alert>
        ) : models.data.length === 0 ? (
          <EmptyState
            title="No models yet"
            hint={isAdmin ? "Add a model (or a simulated one) so tasks have somewhere to go." : "An admin has to add models before tasks can run."}
            action={
              isAdmin && (
                <Link href="/models" className={buttonClasses("primary")}>
                  Add a model
                </Link>
              )
            }
          />
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {models.data.map((m) => (
              <ModelCard key={m.id} model={m} breaker={breakers.byModel.get(m.id)} now={breakers.now} />
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
