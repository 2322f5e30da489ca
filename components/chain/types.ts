import type { Edge, Node } from "@xyflow/react";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import type { BreakerState, TaskEvent, TaskStatus } from "@/server/orchestrator/spec";
import type { StepRun } from "./chain-run";

/** The `tasks.get` output the chain view is drawn from. */
export type ChainTask = inferRouterOutputs<AppRouter>["tasks"]["get"];

/** The part of a task the graph reads: the snapshot status, the plan and the persisted event log. */
export type ChainTaskSource = Pick<ChainTask, "status" | "prompt" | "plan" | "events" | "output" | "error">;

/** A task event received over the `tasks.watch` subscription; transient ones (output.delta) carry no id. */
export interface LiveChainEvent {
  id?: number;
  at: number;
  event: TaskEvent;
}

/** pending: planned, not started yet · skipped: planned, never run (task ended) */
export type ChainNodeStatus = "pending" | "running" | "completed" | "failed" | "cancelled" | "skipped";

/** A message between chain nodes ("input", "step:<index>", "result"). */
export interface ChainMessage {
  from: string;
  to: string;
  kind: string;
  content: string;
  tokens: number;
  at: number;
}

export interface StepRetry {
  attempt: number;
  error: string;
  at: number;
}

/** A circuit-breaker transition one of the task's calls caused. */
export interface BreakerNote {
  modelId: string;
  from: BreakerState;
  to: BreakerState;
  /** epoch ms; set while open */
  nextProbeAt: number | null;
  at: number;
}

export interface FallbackNote {
  fromModelId: string;
  toModelId: string;
  reason: string;
  /** the ProviderError kind behind it; "circuit-open": the model was skipped without a call */
  errorKind?: string;
  at: number;
}

/** Everything the graph and the side panel show about one step (run or planned). */
export interface StepDetail extends Omit<StepRun, "stepIndex" | "role" | "modelId" | "status"> {
  kind: "step";
  /** React Flow node id: "step:<index>" once started, "plan:<planIndex>" while only planned */
  nodeId: string;
  /** the run-time step index (allocated when the step starts); null while only planned */
  stepIndex: number | null;
  /** the position in task.plan.steps this step fills; null for steps added at run time */
  planIndex: number | null;
  role: string;
  modelId: string;
  /** the roster's display name; the id itself when the roster does not know it */
  modelName: string;
  status: ChainNodeStatus;
  incoming: ChainMessage[];
  outgoing: ChainMessage[];
}

export interface InputDetail {
  kind: "input";
  nodeId: "input";
  prompt: string;
  strategy: string | null;
  outgoing: ChainMessage[];
}

export interface ResultDetail {
  kind: "result";
  nodeId: "result";
  status: TaskStatus;
  output: string | null;
  error: string | null;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  incoming: ChainMessage[];
  /** fallbacks that did not start a new step (e.g. mixture falling back to the first proposal) */
  notes: FallbackNote[];
  /** answered from the result cache: no model was called, so the chain has no steps by design */
  cached: boolean;
}

export type StepNodeData = { step: StepDetail };
export type EndpointNodeData = { endpoint: InputDetail | ResultDetail };

export type StepNode = Node<StepNodeData, "chainStep">;
export type EndpointNode = Node<EndpointNodeData, "chainEndpoint">;
export type ChainNode = StepNode | EndpointNode;

/** message: a real message (or several of the same kind) · planned: the shape of the plan, not sent yet */
export type ChainEdgeVariant = "message" | "planned";
export type ChainEdgeData = {
  variant: ChainEdgeVariant;
  kind: string | null;
  count: number;
  tokens: number;
  /** the target step is running */
  active: boolean;
  /** a long input edge drawn faint and unlabelled (the task prompt reaching a later column) */
  quiet: boolean;
};
export type ChainEdge = Edge<ChainEdgeData>;

export interface ChainGraphModel {
  nodes: ChainNode[];
  edges: ChainEdge[];
  /** per-step detail by node id ("step:<index>" or "plan:<planIndex>") */
  steps: Record<string, StepDetail>;
  input: InputDetail;
  result: ResultDetail;
  /** the most steps in one column (at least 1), which sets the height of the graph box */
  rows: number;
}
