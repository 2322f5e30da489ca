import { CAPABILITIES, isCapability, type Capability } from "@/server/orchestrator/spec";
import type { DiscoveryRun, DiscoveryRunStatus, DiscoveryUpdate } from "./types";

export interface Estimate {
  mean: number;
  low: number;
  high: number;
}

/** What the live panel shows for one capability of a run. */
export interface LiveCapability {
  capability: Capability;
  /** graded probes so far */
  probesDone: number;
  /** the posterior after the last graded probe; null before the first event reached us */
  estimate: Estimate | null;
  /** this capability gets no more probes */
  done: boolean;
  stopReason: string | null;
}

/** An item that could not be graded (broken) or a call that failed (error), with the item's id. */
export interface RunIssue {
  kind: "broken" | "error";
  capability: string;
  itemId: string | null;
  detail: string | null;
}

export interface LiveRunState {
  runId: string;
  status: DiscoveryRunStatus;
  error: string | null;
  /** graded probes of the whole run */
  itemsDone: number;
  /** the most graded probes the run can still reach; only shrinks */
  itemsTotal: number;
  capabilities: LiveCapability[];
  issues: RunIssue[];
}

const order = (c: Capability) => CAPABILITIES.indexOf(c);
const byCanonicalOrder = (a: LiveCapability, b: LiveCapability) => order(a.capability) - order(b.capability);

function sameIssue(a: RunIssue, b: RunIssue): boolean {
  return a.kind === b.kind && a.capability === b.capability && a.itemId === b.itemId && a.detail === b.detail;
}

function addIssue(issues: RunIssue[], issue: RunIssue): RunIssue[] {
  return issues.some((i) => sameIssue(i, issue)) ? issues : [...issues, issue];
}

function blank(capability: Capability): LiveCapability {
  return { capability, probesDone: 0, estimate: null, done: false, stopReason: null };
}

function upsert(list: LiveCapability[], capability: Capability, patch: Partial<LiveCapability>): LiveCapability[] {
  const found = list.some((c) => c.capability === capability);
  const next = found ? list.map((c) => (c.capability === capability ? { ...c, ...patch } : c)) : [...list, { ...blank(capability), ...patch }];
  return found ? next : next.sort(byCanonicalOrder);
}

function applyProgress(state: LiveRunState, progress: Extract<DiscoveryUpdate, { type: "progress" }>["progress"]): LiveRunState {
  const itemsDone = Math.max(state.itemsDone, progress.itemsDone);
  const next: LiveRunState = {
    ...state,
    itemsDone,
    itemsTotal: Math.max(itemsDone, progress.itemsTotal),
    capabilities: upsert(state.capabilities, progress.capability, {
      probesDone: progress.probesDone,
      estimate: { mean: progress.estimate.mean, low: progress.estimate.low, high: progress.estimate.high },
      done: progress.done,
      stopReason: progress.stopReason,
    }),
  };
  if (progress.kind === "broken" || progress.kind === "error") {
    next.issues = addIssue(state.issues, { kind: progress.kind, capability: progress.capability, itemId: progress.itemId ?? null, detail: progress.detail ?? null });
  }
  return next;
}

/**
 * The panel's starting point from discovery.get: the finished result when there is one, otherwise the
 * probes recorded so far and the last progress event, so a page opened mid-run is not empty.
 */
export function initialLiveState(run: DiscoveryRun): LiveRunState {
  const capabilities = run.capabilities.filter(isCapability).map(blank).sort(byCanonicalOrder);
  let state: LiveRunState = { runId: run.id, status: run.status, error: run.error, itemsDone: 0, itemsTotal: 0, capabilities, issues: [] };

  for (const probe of run.probes) {
    if (probe.outcome === "broken" || probe.outcome === "error") {
      state.issues = addIssue(state.issues, { kind: probe.outcome, capability: probe.capability, itemId: probe.itemId, detail: probe.detail });
    } else if (isCapability(probe.capability)) {
      const current = state.capabilities.find((c) => c.capability === probe.capability);
      state.capabilities = upsert(state.capabilities, probe.capability, { probesDone: (current?.probesDone ?? 0) + 1 });
    }
  }
  if (run.progress) state = applyProgress(state, run.progress);

  if (run.result) {
    for (const [capability, e] of Object.entries(run.result.capabilities)) {
      if (!isCapability(capability) || !e) continue;
      state.capabilities = upsert(state.capabilities, capability, {
        probesDone: e.probes,
        estimate: { mean: e.mean, low: e.low, high: e.high },
        done: true,
        stopReason: e.stopReason,
      });
    }
    state.itemsDone = run.result.probesUsed;
    state.itemsTotal = run.result.status === "complete" ? run.result.probesUsed : Math.max(state.itemsTotal, run.result.probesUsed);
  }
  return state;
}

/** Folds one discovery.watch message into the panel's state. Events of other runs and after the end are ignored. */
export function applyDiscoveryUpdate(state: LiveRunState, update: DiscoveryUpdate): LiveRunState {
  if (update.runId !== state.runId) return state;
  if (update.type === "finished") {
    const complete = update.status === "complete";
    return { ...state, status: update.status, error: update.error, itemsTotal: complete ? state.itemsDone : state.itemsTotal };
  }
  if (state.status !== "running") return state;
  return applyProgress(state, update.progress);
}

/** 0..1 for the progress bar: graded probes over the most the run can still reach. */
export function progressFraction(state: Pick<LiveRunState, "itemsDone" | "itemsTotal" | "status">): number {
  if (state.itemsTotal <= 0) return state.status === "complete" ? 1 : 0;
  return Math.min(1, state.itemsDone / state.itemsTotal);
}

const STOP_REASONS: Record<string, string> = {
  target: "interval narrow enough",
  "max-probes": "probe cap reached",
  budget: "run budget spent",
  exhausted: "suite ran out of items",
  "broken-suite": "too many broken items",
  failed: "stopped on provider errors",
  cancelled: "cancelled",
};

/** Why a capability stopped, in words. */
export function describeStopReason(reason: string | null): string {
  return reason ? (STOP_REASONS[reason] ?? reason) : "";
}
