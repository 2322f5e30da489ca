"use client";

import { useState } from "react";
import type { ProfileRow as ProfileRowData } from "@/components/charts/prepare-profile-rows";
import { describeOverride } from "@/components/charts/prepare-profile-rows";
import { formatInt, humanize } from "@/components/shared/format";
import { LocalTime } from "@/components/shared/local-time";
import { Button, Td, Tr } from "@/components/ui";
import { OverrideEditor } from "./override-editor";
import { ResetButton } from "./reset-button";
import { ScoreWithInterval } from "./score-cell";
import { SourceBadge } from "./source-badge";

function OverrideCell({ manual }: { manual: ProfileRowData["manual"] }) {
  if (!manual) return <span className="text-neutral-500">—</span>;
  return (
    <div className="max-w-[16rem] text-xs text-amber-900" data-testid="manual-override" data-score={manual.score}>
      <p className="rounded-md bg-amber-50 px-2 py-1 font-medium ring-1 ring-amber-600/20 ring-inset">
        {describeOverride(manual)}
        {manual.at !== null && (
          <>
            {" "}
            on <LocalTime ms={manual.at} />
          </>
        )}
      </p>
      <p className="mt-0.5 text-[11px] text-neutral-500">routing uses this instead of the estimate</p>
    </div>
  );
}

/** One capability: the posterior with its interval, its source, a manual override if any, and admin actions. */
export function ProfileRow({ row, modelId, canManage }: { row: ProfileRowData; modelId: string; canManage: boolean }) {
  const [editing, setEditing] = useState(false);
  return (
    <Tr data-testid={`profile-row-${row.capability}`} data-capability={row.capability} data-source={row.source} data-manual={row.manual ? "true" : "false"}>
      <Td className="font-medium whitespace-nowrap text-neutral-900">{humanize(row.capability)}</Td>
      <Td>
        <ScoreWithInterval mean={row.mean} low={row.low} high={row.high} label={`${row.capability} estimate`} />
      </Td>
      <Td>
        <SourceBadge source={row.source} />
      </Td>
      <Td>
        <OverrideCell manual={row.manual} />
      </Td>
      <Td className="text-right tabular-nums" title="live outcomes folded in since the last discovery or reset">
        {formatInt(row.observations)}
      </Td>
      <Td className="text-xs whitespace-nowrap text-neutral-600">{row.discoveredAt !== null ? <LocalTime ms={row.discoveredAt} /> : <span className="text-neutral-500">never</span>}</Td>
      {canManage && (
        <Td className="text-right">
          {editing ? (
            <OverrideEditor modelId={modelId} capability={row.capability} initial={row.effective} onDone={() => setEditing(false)} />
          ) : (
            <div className="flex items-start justify-end gap-1">
              <Button variant="ghost" size="sm" onClick={() => setEditing(true)} aria-label={`Override ${humanize(row.capability)}`}>
                Override
              </Button>
              <ResetButton modelId={modelId} capability={row.capability} enabled={row.canReset} />
            </div>
          )}
        </Td>
      )}
    </Tr>
  );
}
