import { Badge } from "@/components/ui";

/**
 * Simulated models are labelled everywhere (roster, model and metrics pages), always with this badge, so no one mistakes a
 * demo answer for a real model's. Upper case by style, not text, so screen readers read a word rather than letters.
 */
export function SimulatedBadge() {
  return (
    <Badge tone="amber" className="uppercase" title="Built-in simulated model: no network, deterministic for its seed" data-testid="simulated-badge">
      simulated
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
