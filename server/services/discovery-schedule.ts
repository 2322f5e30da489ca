import type { DiscoveryService } from "./discovery";
import type { RosterService } from "./roster";

const HOUR_MS = 3_600_000;

/** Enabled models whose last finished discovery is older than the interval (or that were never measured). */
export function modelsDueForDiscovery(
  models: readonly { id: string; enabled: boolean }[],
  lastRunAt: (modelId: string) => number | undefined,
  now: number,
  intervalMs: number,
): string[] {
  return models.filter((m) => m.enabled && now - (lastRunAt(m.id) ?? Number.NEGATIVE_INFINITY) >= intervalMs).map((m) => m.id);
}

/**
 * Re-measures the roster on a schedule (ENSEMBLE_DISCOVERY_EVERY_HOURS), one model at a time so a
 * schedule never floods the providers; live learning keeps profiles current in between.
 */
export function startDiscoverySchedule(deps: { roster: RosterService; discovery: DiscoveryService; everyHours: number; now?: () => number }) {
  const now = deps.now ?? Date.now;
  const intervalMs = deps.everyHours * HOUR_MS;
  let running = false;

  async function tick() {
    if (running) return;
    running = true;
    try {
      const lastRunAt = (modelId: string) => deps.discovery.listRuns(modelId).find((r) => r.status === "complete")?.startedAt;
      for (const modelId of modelsDueForDiscovery(deps.roster.list(), lastRunAt, now(), intervalMs)) {
        await deps.discovery.runToCompletion({ modelId });
      }
    } finally {
      running = false;
    }
  }

  const timer = setInterval(() => void tick(), Math.min(intervalMs, HOUR_MS));
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
