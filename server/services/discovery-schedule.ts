import { isDomainError } from "@/server/orchestrator/errors";
import type { DiscoveryService } from "./discovery";
import type { RosterService } from "./roster";

const HOUR_MS = 3_600_000;

/** Enabled models whose last full discovery is older than the interval (or that were never measured). */
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
 * schedule never floods the providers; live learning keeps profiles current in between. Only a complete run
 * of every built-in suite resets a model's clock (a run of a few capabilities or of an operator's suite does
 * not). A model with a run in progress (started by hand, or by the CLI) is skipped this sweep, and a model that
 * fails to start (deleted or disabled since the sweep began) does not stop the sweep.
 */
export function startDiscoverySchedule(deps: {
  roster: RosterService;
  discovery: Pick<DiscoveryService, "lastFullRunAt" | "runningRunOf" | "runToCompletion">;
  everyHours: number;
  now?: () => number;
  log?: (line: string) => void;
}) {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? ((line: string) => console.warn(line));
  const intervalMs = deps.everyHours * HOUR_MS;
  let running = false;

  async function tick() {
    if (running) return;
    running = true;
    try {
      for (const modelId of modelsDueForDiscovery(deps.roster.list(), (id) => deps.discovery.lastFullRunAt(id), now(), intervalMs)) {
        try {
          // the sweep can take hours: the roster may have changed since it was listed
          if (!deps.roster.list().some((m) => m.id === modelId && m.enabled)) continue;
          if (deps.discovery.runningRunOf(modelId)) continue;
          await deps.discovery.runToCompletion({ modelId });
        } catch (error) {
          // a run started in between is as good as ours; anything else is logged and the sweep goes on
          if (isDomainError(error) && error.code === "CONFLICT") continue;
          log(`Ensemble: scheduled discovery of ${modelId} did not run: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    } finally {
      running = false;
    }
  }

  const timer = setInterval(() => void tick(), Math.min(intervalMs, HOUR_MS));
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
