"use client";

import Link from "next/link";
import { prepareCapabilityHeat } from "@/components/charts/prepare-capability-heat";
import type { ModelView } from "@/components/shared/api-types";
import { formatContext, formatPrice } from "@/components/shared/format";
import { cx, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { BreakerBadge } from "./breaker-badge";
import type { BreakerView } from "./breaker-status";
import { CapabilityHeaders, HeatCellView } from "./capability-heat";
import { EnabledToggle } from "./enabled-toggle";
import { ModelRowActions } from "./model-row-actions";
import { EnabledBadge, SimulatedBadge } from "./simulated-badge";

/**
 * The roster: model, price and context, status with its circuit breaker, the twelve capability scores, admin actions.
 * Two-line cells keep the whole row inside a 1440 px screen; the actions column sticks to the right edge so it stays
 * in view when a narrower screen scrolls the table.
 */
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
          <Th className="text-right" title="US dollars per million tokens, input / output; below it the context window">
            $/MTok in / out
          </Th>
          <Th title="Whether routing may use the model, and its circuit breaker: open models are skipped until their next probe">Status</Th>
          <CapabilityHeaders />
          {canManage && (
            <Th className="sticky right-0 bg-neutral-50 text-right shadow-[inset_1px_0_0_var(--color-neutral-100)]">
              <span className="sr-only">Actions</span>
            </Th>
          )}
        </Tr>
      </THead>
      <TBody>
        {models.map((model) => {
          const provider = `${model.providerName}${model.providerName.toLowerCase() !== model.providerKind ? ` (${model.providerKind})` : ""}`;
          return (
            <Tr key={model.id} data-testid="model-row" data-model-id={model.id} className={model.enabled ? undefined : "bg-neutral-50/70"}>
              <Td>
                <div className="flex items-center gap-2">
                  <Link
                    href={`/models/${encodeURIComponent(model.id)}`}
                    title={model.name}
                    className={cx(
                      "max-w-44 truncate font-medium hover:text-indigo-700 hover:underline",
                      model.enabled ? "text-neutral-900" : "text-neutral-500",
                    )}
                    data-testid="model-link"
                  >
                    {model.name}
                  </Link>
                  {model.isSimulated && <SimulatedBadge />}
                </div>
                <div className="max-w-64 truncate text-[11px] text-neutral-500" title={`${model.id} · ${provider}`}>
                  <span className="font-mono">{model.id}</span> · <span data-testid="model-provider">{model.providerName}</span>
                  {model.providerName.toLowerCase() !== model.providerKind && <> ({model.providerKind})</>}
                </div>
              </Td>
              <Td className="text-right whitespace-nowrap tabular-nums">
                <div>
                  {formatPrice(model.inputUsdPerMTok)} / {formatPrice(model.outputUsdPerMTok)}
                </div>
                <div className="text-[11px] text-neutral-500" title={`${model.contextWindow.toLocaleString("en")} tokens of context`}>
                  {formatContext(model.contextWindow)} context
                </div>
              </Td>
              <Td>
                <div className="flex flex-col items-start gap-1">
                  {canManage ? <EnabledToggle model={model} /> : <EnabledBadge enabled={model.enabled} />}
                  <BreakerBadge breaker={breakers.get(model.id)} now={now} />
                </div>
              </Td>
              {prepareCapabilityHeat(model.capabilities).map((cell) => (
                <Td key={cell.capability} dense className="text-center">
                  <HeatCellView cell={cell} />
                </Td>
              ))}
              {canManage && (
                // the inset shadow is the column's left rule: a border would stay behind when the cell sticks
                <Td className={cx("sticky right-0 shadow-[inset_1px_0_0_var(--color-neutral-100)]", model.enabled ? "bg-white" : "bg-neutral-50")}>
                  <ModelRowActions model={model} onEdit={onEdit} />
                </Td>
              )}
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
