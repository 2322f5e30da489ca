import { Badge } from "@/components/ui";

/** Simulated models are labelled everywhere, so no one mistakes a demo answer for a real model's. */
export function SimulatedBadge() {
  return (
    <Badge tone="amber" title="Built-in simulated model: no network, deterministic for its seed" data-testid="simulated-badge">
      SIMULATED
    </Badge>
  );
}

export function EnabledBadge({ enabled }: { enabled: boolean }) {
  return (
    <Badge tone={enabled ? "green" : "neutral"} data-testid="model-status">
      {enabled ? "enabled" : "disabled"}
    </Badge>
  );
}
