import Link from "next/link";
import type { ReactNode } from "react";
import { EnabledToggle } from "@/components/models/enabled-toggle";
import { EnabledBadge, SimulatedBadge } from "@/components/models/simulated-badge";
import { formatContext, formatPrice } from "@/components/shared/format";
import { LocalTime } from "@/components/shared/local-time";
import type { ModelDetail } from "./types";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-neutral-500">{label}</dt>
      <dd className="mt-0.5 text-sm font-medium text-neutral-900 tabular-nums">{children}</dd>
    </div>
  );
}

/** Name, provider, the simulated label, prices, context window and whether routing may use the model. */
export function ModelHeader({ model, canManage }: { model: ModelDetail; canManage: boolean }) {
  return (
    <div className="mb-6" data-testid="model-header" data-model-id={model.id}>
      <Link href="/models" className="text-xs font-medium text-neutral-500 hover:text-neutral-800">
        ← All models
      </Link>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold tracking-tight text-neutral-900" data-testid="model-name">
          {model.name}
        </h1>
        {model.isSimulated && <SimulatedBadge />}
      </div>
      <p className="mt-0.5 text-xs text-neutral-500">
        <span className="font-mono">{model.id}</span> · <span data-testid="model-provider">{model.providerName}</span>
        {model.providerName.toLowerCase() !== model.providerKind && <> ({model.providerKind})</>}
        {/* the provider's own name for the model, when it differs from Ensemble's id */}
        {model.remoteModel !== model.id && (
          <>
            {" "}
            · <span className="font-mono" title="the provider's model name">{model.remoteModel}</span>
          </>
        )}
      </p>
      <dl className="mt-4 grid grid-cols-2 gap-4 rounded-xl border border-neutral-200 bg-white px-5 py-4 shadow-xs sm:grid-cols-4">
        <Fact label="Price in / out ($/MTok)">
          {formatPrice(model.inputUsdPerMTok)} / {formatPrice(model.outputUsdPerMTok)}
        </Fact>
        <Fact label="Context window">
          <span title={`${model.contextWindow.toLocaleString("en")} tokens`}>{formatContext(model.contextWindow)}</span>
        </Fact>
        <div>
          <dt className="text-xs text-neutral-500">Status</dt>
          <dd className="mt-1">{canManage ? <EnabledToggle model={model} /> : <EnabledBadge enabled={model.enabled} />}</dd>
        </div>
        <Fact label="Updated">
          <LocalTime ms={model.updatedAt} />
        </Fact>
      </dl>
    </div>
  );
}
