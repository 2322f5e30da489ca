"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import type { ModelView, ProviderView } from "@/components/shared/api-types";
import { Alert, Dialog, SkeletonRows } from "@/components/ui";
import { emptyModelForm, modelFormFrom } from "./model-form-state";
import { ModelForm } from "./model-form";

export type ModelDialogState = { mode: "create" } | { mode: "edit"; model: ModelView } | null;

function EditBody({ model, providers, onClose }: { model: ModelView; providers: readonly ProviderView[]; onClose: () => void }) {
  const trpc = useTRPC();
  // the hidden simulation config is admin-only and not in the roster list; fetch it for the form
  const config = useQuery({ ...trpc.models.simulatedConfig.queryOptions({ id: model.id }), enabled: model.isSimulated, staleTime: 0 });
  if (model.isSimulated && config.isPending) return <SkeletonRows rows={6} />;
  if (model.isSimulated && config.isError) {
    return (
      <Alert tone="error" title="Could not load the simulation config">
        {config.error.message}
      </Alert>
    );
  }
  return <ModelForm mode="edit" initial={modelFormFrom(model, config.data ?? null)} providers={providers} onDone={onClose} onCancel={onClose} />;
}

/** The add / edit model dialog. */
export function ModelFormDialog({ state, providers, onClose }: { state: ModelDialogState; providers: readonly ProviderView[]; onClose: () => void }) {
  const defaultProvider = providers.find((p) => p.kind === "simulated")?.id ?? providers[0]?.id ?? "";
  return (
    <Dialog
      open={state !== null}
      onClose={onClose}
      size="lg"
      title={state?.mode === "edit" ? `Edit ${state.model.name}` : "Add model"}
      description={state?.mode === "edit" ? state.model.id : "Register a model from one of your providers, or a simulated one for demos and tests."}
    >
      {state?.mode === "create" && <ModelForm mode="create" initial={emptyModelForm(defaultProvider)} providers={providers} onDone={onClose} onCancel={onClose} />}
      {state?.mode === "edit" && <EditBody model={state.model} providers={providers} onClose={onClose} />}
    </Dialog>
  );
}
