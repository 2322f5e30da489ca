"use client";

import Link from "next/link";
import { prepareCapabilityHeat } from "@/components/charts/prepare-capability-heat";
import type { ModelView } from "@/components/shared/api-types";
import { formatContext, formatPrice } from "@/components/shared/format";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { BreakerBadge } from "./breaker-badge";
import type { BreakerView } from "./breaker-status";
import { CapabilityHeaders, HeatCellView } from "./capability-heat";
import { EnabledToggle } from "./enabled-toggle";
import { ModelRowActions } from "./model-row-actions";
import { EnabledBadge, SimulatedBadge } from "./simulated-badge";

/** The roster: provider, prices, context, status, circuit breaker and the twelve capability scores, with admin actions. */
export function ModelsTable({
  models,
  canManage,
  onEdit,
  breakers,
  now,
}: {
  models: readonly ModelView[];
  canManage: boolean;
  onEdit: (model: ModelView) => void;
  /** each model's circuit breaker (models.breakers), and the time its countdown is measured from */
  breakers: ReadonlyMap<string, BreakerView>;
  now: number;
}) {
  return (
    <Table data-testid="models-table">
      <THead>
        <Tr>
          <Th>Model · provider</Th>
          <Th className="text-right" title="US dollars per million tokens, input / output">
            $/MTok in / out
          </Th>
          <Th className="text-right">Context</Th>
          <Th>Status</Th>
          <Th title="Circuit breaker: open models are skipped until their next probe">Breaker</Th>
          <CapabilityHeaders />
          {canManage && (
            <Th className="text-right">
              <span className="sr-only">Actions</span>
            </Th>
          )}
        </Tr>
      </THead>
      <TBody>
        {models.map((model) => (
          <Tr key={model.id} data-testid="model-row" data-model-id={model.id} className={model.enabled ? undefined : "bg-neutral-50/70"}>
            <Td>
              <div className="flex items-center gap-2 whitespace-nowrap">
                <Link
                  href={`/models/${encodeURIComponent(model.id)}`}
                  className={model.enabled ? "font-medium text-neutral-900 hover:text-indigo-700 hover:underline" : "font-medium text-neutral-500 hover:text-indigo-700 hover:underline"}
                  data-testid="model-link"
                >
                  {model.name}
                </Link>
                {model.isSimulated && <SimulatedBadge />}
              </div>
              <div className="text-[11px] whitespace-nowrap text-neutral-400">
                <span className="font-mono">{model.id}</span> · <span data-testid="model-provider">{model.providerName}</span>
                {model.providerName.toLowerCase() !== model.providerKind && <> ({model.providerKind})</>}
              </div>
            </Td>
            <Td className="text-right whitespace-nowrap tabular-nums">
              {formatPrice(model.inputUsdPerMTok)} / {formatPrice(model.outputUsdPerMTok)}
            </Td>
            <Td className="text-right tabular-nums" title={`${model.contextWindow.toLocaleString("en")} tokens`}>
              {formatContext(model.contextWindow)}
            </Td>
            <Td>{canManage ? <EnabledToggle model={model} /> : <EnabledBadge enabled={model.enabled} />}</Td>
            <Td>
              <BreakerBadge breaker={breakers.get(model.id)} now={now} />
            </Td>
            {prepareCapabilityHeat(model.capabilities).map((cell) => (
              <Td key={cell.capability} dense className="text-center">
                <HeatCellView cell={cell} />
              </Td>
            ))}
            {canManage && (
              <Td>
                <ModelRowActions model={model} onEdit={onEdit} />
              </Td>
            )}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
