import { analyzeJsonLine, createTaskAnalyzer } from "@/server/orchestrator/analysis";
import type { ModelChain, RoutingPolicy, Strategy, TaskConstraints, TaskRequirements } from "@/server/orchestrator/spec";
import type { Routing } from "./routing";

/** Analysis and planning without running anything: the CLI's `analyze` and `route`, the UI's preview. */
export function createAnalysisService(routing: Routing) {
  const analyzer = createTaskAnalyzer();
  return {
    analyzer,

    /** One JSON Lines record in, one JSON line out (an `{id, error}` line for a bad record). */
    analyzeJsonLine: (line: string): string | null => analyzeJsonLine(line, analyzer),

    route(
      prompt: string,
      options: { strategy: Strategy; policy: RoutingPolicy; constraints: TaskConstraints },
    ): { requirements: TaskRequirements; chain: ModelChain } {
      const requirements = analyzer.analyzeSync({ prompt, constraints: options.constraints });
      return { requirements, chain: routing.plan(requirements, { strategy: options.strategy, policy: options.policy }) };
    },
  };
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;
