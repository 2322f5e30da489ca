"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useCan } from "@/components/shared/viewer";
import { Alert, Button, Card, CardBody, CardHeader, EmptyState, PageHeader, SkeletonRows } from "@/components/ui";
import { PriceQualityChart } from "@/components/charts/price-quality-chart";
import { ModelFormDialog, type ModelDialogState } from "./form/model-form-dialog";
import { HeatLegend } from "./heat-legend";
import { ModelsTable } from "./models-table";
import { useBreakers } from "./use-breakers";
import { ProvidersSection } from "./providers/providers-section";

/** The models page: the roster with its capability profiles; admins also add, edit, enable, delete, and manage providers. */
export function ModelsView() {
  const trpc = useTRPC();
  const isAdmin = useCan("admin");
  const models = useQuery(trpc.models.list.queryOptions());
  const providers = useQuery({ ...trpc.providers.list.queryOptions(), enabled: isAdmin });
  const [dialog, setDialog] = useState<ModelDialogState>(null);
  const breakers = useBreakers();

  const list = models.data ?? [];
  const enabled = list.filter((m) => m.enabled).length;
  const simulated = list.filter((m) => m.isSimulated).length;

  return (
    <>
      <PageHeader
        title="Models"
        description={
          models.data
            ? `${list.length} model${list.length === 1 ? "" : "s"} · ${enabled} enabled · ${simulated} simulated`
            : "The roster Ensemble routes tasks to."
        }
        actions={
          isAdmin && (
            <Button onClick={() => setDialog({ mode: "create" })} disabled={!providers.data}>
              Add model
            </Button>
          )
        }
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Roster" description={<HeatLegend />} />
          {models.isPending ? (
            <div className="p-5">
              <SkeletonRows rows={6} />
            </div>
          ) : models.isError ? (
            <div className="p-5">
              <Alert tone="error" title="Could not load models">
                {models.error.message}
              </Alert>
            </div>
          ) : list.length === 0 ? (
            <div className="p-5">
              <EmptyState
                title="No models on the roster"
                hint={isAdmin ? "Add a model, or a simulated one to try routing without any provider." : "Ask an admin to add models."}
                action={
                  isAdmin && (
                    <Button onClick={() => setDialog({ mode: "create" })} disabled={!providers.data}>
                      Add model
                    </Button>
                  )
                }
                data-testid="models-empty"
              />
            </div>
          ) : (
            <ModelsTable
              models={list}
              canManage={isAdmin}
              onEdit={(model) => setDialog({ mode: "edit", model })}
              breakers={breakers.byModel}
              now={breakers.now}
            />
          )}
        </Card>

        {list.length > 0 && (
          <Card>
            <CardHeader title="Price and quality" description="Average capability score against the blended price (¼ input, ¾ output). Up and to the left is better value." />
            <CardBody>
              <PriceQualityChart models={list} />
            </CardBody>
          </Card>
        )}

        {isAdmin && <ProvidersSection models={list} />}
      </div>
      {isAdmin && <ModelFormDialog state={dialog} providers={providers.data ?? []} onClose={() => setDialog(null)} />}
    </>
  );
}
