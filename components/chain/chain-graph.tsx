"use client";

import "@xyflow/react/dist/style.css";
import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  useReactFlow,
  useStore,
  type Dimensions,
  type NodeChange,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { ChainPanel } from "./chain-panel";
import { CHAIN_NODE_TYPES } from "./chain-nodes";
import { nodeLabel, resolveSelection } from "./chain-selection";
import { mergeEvents } from "./chain-run";
import { prepareChainGraph } from "./prepare-chain-graph";
import { prepareResilienceLog } from "./prepare-resilience-log";
import { ResilienceLog } from "./resilience-log";
import { EDGE_STROKE } from "./status-style";
import type { ChainEdge, ChainNode, ChainTask, LiveChainEvent } from "./types";

export interface ChainGraphProps {
  /** the `tasks.get` output */
  task: ChainTask;
  /** events from the `tasks.watch` subscription since the page loaded; may repeat persisted ones (deduped by id) */
  liveEvents?: readonly LiveChainEvent[];
}

const NO_EVENTS: readonly LiveChainEvent[] = [];
const FIT = { padding: 0.15, maxZoom: 1.1 } as const;

function styled(edge: ChainEdge): ChainEdge {
  const faint = edge.data?.variant === "planned" || edge.data?.quiet === true;
  const stroke = edge.data?.active ? EDGE_STROKE.active : faint ? EDGE_STROKE.planned : EDGE_STROKE.message;
  return {
    ...edge,
    style: { stroke, strokeWidth: faint ? 1 : 1.5, ...(edge.data?.variant === "planned" ? { strokeDasharray: "4 4" } : {}) },
    markerEnd: { type: MarkerType.ArrowClosed, color: stroke, width: 16, height: 16 },
    labelStyle: { fontSize: 10, fill: "#525252" },
    labelBgStyle: { fill: "#fafafa" },
    labelBgPadding: [4, 2],
    labelBgBorderRadius: 4,
  };
}

/**
 * Refit when nodes appear (a step starts, a fallback joins) or the pane changes width (the side panel opens,
 * the window resizes), so no step lands off-screen.
 */
function AutoFit({ count }: { count: number }) {
  const { fitView } = useReactFlow();
  const width = useStore((s) => s.width);
  useEffect(() => {
    void fitView({ ...FIT, duration: 200 });
  }, [count, width, fitView]);
  return null;
}

/** The task's model chain as a live graph: input → steps → result, with a side panel for the clicked node. */
export function ChainGraph({ task, liveEvents = NO_EVENTS }: ChainGraphProps) {
  const model = useMemo(() => prepareChainGraph(task, liveEvents), [task, liveEvents]);
  const resilience = useMemo(() => prepareResilienceLog(mergeEvents(task.events, liveEvents)), [task.events, liveEvents]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [sizes, setSizes] = useState<Record<string, Dimensions>>({});
  const selected = resolveSelection(model, selectedId);

  // Nodes are rebuilt on every event; carrying their measured size over keeps React Flow from hiding and
  // re-measuring each of them on every streamed token.
  const nodes = useMemo<ChainNode[]>(
    () => model.nodes.map((n) => ({ ...n, measured: sizes[n.id], selected: n.id === selected?.nodeId })),
    [model.nodes, sizes, selected?.nodeId],
  );
  const edges = useMemo(() => model.edges.map(styled), [model.edges]);
  const label = useCallback((nodeId: string) => nodeLabel(model, nodeId), [model]);
  const onNodesChange = useCallback((changes: NodeChange<ChainNode>[]) => {
    const measured = changes.flatMap((c) => (c.type === "dimensions" && c.dimensions ? [[c.id, c.dimensions] as const] : []));
    if (measured.length > 0) setSizes((prev) => ({ ...prev, ...Object.fromEntries(measured) }));
    // keyboard selection (Enter on a focused node) arrives as a select change
    const picked = changes.find((c) => c.type === "select" && c.selected);
    if (picked?.type === "select") setSelectedId(picked.id);
  }, []);

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-3 lg:flex-row">
        <div
          data-testid="chain-graph"
          data-task-status={model.result.status}
          className="relative h-[420px] min-w-0 flex-1 overflow-hidden rounded-lg border border-neutral-200 bg-neutral-50"
        >
          <ReactFlow<ChainNode, ChainEdge>
            nodes={nodes}
            edges={edges}
            nodeTypes={CHAIN_NODE_TYPES}
            nodeOrigin={[0, 0.5]}
            fitView
            fitViewOptions={FIT}
            minZoom={0.2}
            nodesDraggable={false}
            nodesConnectable={false}
            edgesFocusable={false}
            onNodeClick={(_, node) => setSelectedId(node.id)}
            onNodesChange={onNodesChange}
            onPaneClick={() => setSelectedId(null)}
            aria-label="Model chain"
          >
            <Background gap={16} size={1} color="#e5e5e5" />
            <Controls showInteractive={false} position="bottom-left" />
            <AutoFit count={model.nodes.length} />
          </ReactFlow>
          {model.nodes.length === 2 && (
            <p className="pointer-events-none absolute inset-x-0 top-3 text-center text-xs text-neutral-500">
              {model.result.status === "queued" ? "Waiting for the plan…" : "No steps recorded."}
            </p>
          )}
        </div>
        {selected && <ChainPanel detail={selected} label={label} onClose={() => setSelectedId(null)} />}
      </div>
      <ResilienceLog entries={resilience} />
    </div>
  );
}
