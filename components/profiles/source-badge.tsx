import { Badge, type BadgeTone } from "@/components/ui";

const TONE: Record<string, BadgeTone> = { discovered: "blue", learned: "green", seed: "neutral", manual: "amber" };

const HELP: Record<string, string> = {
  discovered: "Measured by a discovery run",
  learned: "Updated from live task outcomes and feedback since the last discovery",
  seed: "The starting estimate given when the model was added",
  manual: "Set by hand",
};

/** Where a capability score came from: discovered, learned, seed (or manual). */
export function SourceBadge({ source }: { source: string }) {
  return (
    <Badge tone={TONE[source] ?? "neutral"} title={HELP[source]} data-source={source}>
      {source}
    </Badge>
  );
}
