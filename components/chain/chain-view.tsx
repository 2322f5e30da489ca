"use client";

import "@xyflow/react/dist/style.css";
import { Background, Controls, MarkerType, ReactFlow, ReactFlowProvider, type Dimensions, type NodeChange } from "@xyflow/react";
import { useCallback, useMemo, useState } from "react";
import { AutoFit, PanHint } from "./chain-fit";
import { ChainPanel } from "./chain-panel";
import { CHAIN_NODE_TYPES } from "./chain-nodes";
import { nodeLabel, resolveSelection } from "./chain-selection";
import { mergeEvents } from "./chain-run";
import { MAX_ZOOM, boxHeight, nodesBox } from "./chain-viewport";
import { prepareChainGraph, type ModelName } from "./prepare-chain-graph";
import { prepareResilienceLog } from "./prepare-resilience-log";
import { ResilienceLog } from "./resilience-log";
import { EDGE_STROKE } from "./status-style";
import type { ChainEdge, ChainNode, ChainTask, LiveChainEvent } from "./types";

export interface ChainViewProps {
  /** the `tasks.get` output */
  task: ChainTask;
  /** events from the `tasks.watch` subscription since the page loaded; may repeat persisted ones (deduped by id) */
  liveEvents?: readonly LiveChainEvent[];
  /** model id → roster name for the node labels */
  modelName?: ModelName;
}

const NO_EVENTS: readonly LiveChainEvent[] = [];
const ID_AS_NAME: ModelName = (id) => id;
/** the fit-view control: the whole chain, however small that makes it */
const SHOW_ALL = { padding: 0.05, maxZoom: MAX_ZOOM } as const;

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

/** The task's model chain as a live graph: input → steps → result, with the clicked node's details below it. */
export function ChainView({ task, liveEvents = NO_EVENTS, modelName = ID_AS_NAME }: ChainViewProps) {
  const model = useMemo(() => prepareChainGraph(task, liveEvents, modelName), [task, liveEvents, modelName]);
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
  const box = useMemo(() => nodesBox(nodes), [nodes]);
  const focus = useMemo(() => nodesBox(nodes.filter((n) => n.type === "chainStep" && n.data.step.status === "running")), [nodes]);
  const edges = useMemo(() => model.edges.map(styled), [model.edges]);
  const label = useCallback((nodeId: string) => nodeLabel(model, nodeId), [model]);
  const onNodesChange = useCallback((changes: NodeChange<ChainNode>[]) => {
    const measured = changes.flatMap((c) => (c.type === "dimensions" && c.dimensions ? [[c.id, c.dimensions] as const] : []));
    if (measured.length > 0) setSizes((prev) => ({ ...prev, ...Object.fromEntries(measured) }));
    // keyboard selection (Enter on a focused node) arrives as a select change
    const picked = changes.find((c) => c.type === "select" && c.selected);
    if (picked?.type === "select") setSelectedId(picked.id);
  }, []);

  // the provider lets the hint under the graph read the viewport
  return (
    <ReactFlowProvider>
      <div className="flex flex-col gap-3">
        {/* 70vh keeps a tall chain from filling a phone screen, where a drag on the graph pans it instead of the page */}
        <div
          data-testid="chain-graph"
          data-task-status={model.result.status}
          className="relative overflow-hidden rounded-lg border border-neutral-200 bg-neutral-50"
          style={{ height: `min(${boxHeight(model.rows)}px, 70vh)` }}
        >
          <ReactFlow<ChainNode, ChainEdge>
            nodes={nodes}
            edges={edges}
            nodeTypes={CHAIN_NODE_TYPES}
            nodeOrigin={[0, 0.5]}
            minZoom={0.2}
            maxZoom={2}
            nodesDraggable={false}
            nodesConnectable={false}
            // the wheel scrolls the page past the graph (zoom stays on the buttons and pinch)
            zoomOnScroll={false}
            preventScrolling={false}
            edgesFocusable={false}
            onNodeClick={(_, node) => setSelectedId(node.id)}
            onNodesChange={onNodesChange}
            onPaneClick={() => setSelectedId(null)}
            aria-label="Model chain"
          >
            <Background gap={16} size={1} color="#e5e5e5" />
            <Controls showInteractive={false} position="bottom-left" fitViewOptions={SHOW_ALL} />
            <AutoFit box={box} focus={focus} />
          </ReactFlow>
          {model.nodes.length === 2 && (
            <p className="pointer-events-none absolute inset-x-0 top-3 text-center text-xs text-neutral-500">
              {model.result.cached ? "Answered from the result cache: no model was called." : model.result.status === "queued" ? "Waiting for the plan…" : "No steps recorded."}
            </p>
          )}
        </div>
        {model.nodes.length > 2 && <PanHint box={box} />}
        {selected && <ChainPanel detail={selected} label={label} onClose={() => setSelectedId(null)} />}
        <ResilienceLog entries={resilience} />
      </div>
    </ReactFlowProvider>
  );
}
