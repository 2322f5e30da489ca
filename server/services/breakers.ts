import { createModelGuard, type BreakerSnapshot, type BreakerTransition, type ModelGuard } from "@/server/orchestrator/resilience/guard";
import { DEFAULT_RESILIENCE_SETTINGS, type BreakerState, type Clock, type ResilienceSettings } from "@/server/orchestrator/spec";

export type { BreakerSnapshot, BreakerTransition } from "@/server/orchestrator/resilience/guard";

export interface BreakerRegistryDeps {
  /** every model on the roster, in display order, with its settings (absent: the defaults) */
  models(): ReadonlyArray<{ id: string; resilience?: ResilienceSettings }>;
  clock: Clock;
  /**
   * The state routing should assume for a model: its breaker's, except that an open breaker reads as
   * "half-open" once its probe is due — routing never plans an open model, so without that nobody would probe.
   */
  onHealth?(modelId: string, health: BreakerState): void;
}

interface Entry {
  settings: ResilienceSettings | undefined;
  guard: ModelGuard;
  probeTimer?: ReturnType<typeof setTimeout>;
}

const CLOSED = (modelId: string): BreakerSnapshot => ({ modelId, state: "closed", failures: 0, openedAt: null, nextProbeAt: null });

function sameGuardSettings(a: ResilienceSettings | undefined, b: ResilienceSettings | undefined): boolean {
  if (a === b) return true;
  const x = a ?? DEFAULT_RESILIENCE_SETTINGS;
  const y = b ?? DEFAULT_RESILIENCE_SETTINGS;
  return JSON.stringify([x.breaker, x.bulkhead]) === JSON.stringify([y.breaker, y.bulkhead]);
}

/**
 * One circuit breaker and bulkhead per model for the whole process, shared by every task (a breaker per task
 * would never see enough calls to open). Guards are built on first use from the model's settings and rebuilt,
 * closed, when its breaker or bulkhead settings change; calls already running finish on the old one.
 */
export function createBreakerRegistry(deps: BreakerRegistryDeps) {
  const entries = new Map<string, Entry>();

  function settingsOf(modelId: string): ResilienceSettings | undefined {
    return deps.models().find((m) => m.id === modelId)?.resilience;
  }

  function onTransition(current: Entry | undefined, t: BreakerTransition) {
    if (current?.probeTimer) clearTimeout(current.probeTimer);
    deps.onHealth?.(t.modelId, t.to);
    if (current && t.to === "open" && t.nextProbeAt !== null) {
      current.probeTimer = setTimeout(() => deps.onHealth?.(t.modelId, "half-open"), Math.max(0, t.nextProbeAt - deps.clock.now()));
      current.probeTimer.unref?.();
    }
  }

  function build(modelId: string, settings: ResilienceSettings | undefined): Entry {
    const previous = entries.get(modelId);
    if (previous?.probeTimer) clearTimeout(previous.probeTimer);
    if (previous && previous.guard.snapshot().state !== "closed") deps.onHealth?.(modelId, "closed");
    // the guard reports transitions to its entry, which holds the probe timer; the entry needs the guard first
    const holder: { entry?: Entry } = {};
    const guard = createModelGuard(modelId, settings ?? DEFAULT_RESILIENCE_SETTINGS, {
      clock: deps.clock,
      onTransition: (t) => onTransition(holder.entry, t),
    });
    const entry: Entry = { settings, guard };
    holder.entry = entry;
    entries.set(modelId, entry);
    return entry;
  }

  return {
    /** the model's guard, for EnginePorts.guard */
    guard(modelId: string): ModelGuard {
      const settings = settingsOf(modelId);
      const entry = entries.get(modelId);
      if (entry && sameGuardSettings(entry.settings, settings)) {
        entry.settings = settings; // same limits, newer object: skip the comparison next time
        return entry.guard;
      }
      return build(modelId, settings).guard;
    },

    /** what routing should assume for a model (see onHealth): an open breaker reads half-open once its probe is due */
    routingHealth(modelId: string): BreakerState {
      const snapshot = entries.get(modelId)?.guard.snapshot();
      if (!snapshot) return "closed";
      if (snapshot.state === "open" && snapshot.nextProbeAt !== null && deps.clock.now() >= snapshot.nextProbeAt) return "half-open";
      return snapshot.state;
    },

    /** ms until the first of these models' open breakers lets a probe call through; undefined when none is open */
    msUntilProbe(modelIds: readonly string[]): number | undefined {
      let soonest: number | undefined;
      for (const id of modelIds) {
        const snapshot = entries.get(id)?.guard.snapshot();
        if (snapshot?.state !== "open" || snapshot.nextProbeAt === null) continue;
        const ms = Math.max(0, snapshot.nextProbeAt - deps.clock.now());
        soonest = soonest === undefined ? ms : Math.min(soonest, ms);
      }
      return soonest;
    },

    /** every roster model's breaker, in roster order; a model no task has called yet is closed */
    snapshot(): BreakerSnapshot[] {
      return deps.models().map((m) => entries.get(m.id)?.guard.snapshot() ?? CLOSED(m.id));
    },
  };
}

export type BreakerRegistry = ReturnType<typeof createBreakerRegistry>;
