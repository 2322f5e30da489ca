import type { RoutingPolicy, Strategy } from "@/server/orchestrator/spec";

export const STRATEGY_HELP: Record<Strategy, string> = {
  auto: "Ensemble picks the strategy from the task",
  single: "One model, the best fit",
  fallback: "Best model; the next one takes over on failure",
  cascade: "A cheap model first, a stronger one when it is unsure",
  pipeline: "Draft, critique, revise",
  mixture: "Several proposers, one aggregator",
  vote: "Several models answer; the majority wins",
};

export const POLICY_HELP: Record<RoutingPolicy, string> = {
  balanced: "Quality, cost and speed weighed together",
  quality: "The strongest model, whatever it costs",
  cost: "The cheapest model that is good enough",
  explore: "Try less-tested models to learn about them",
};

export const EXAMPLE_PROMPTS: readonly string[] = [
  "What is 17 * 23? Answer with the number only.",
  "Write a Python function that checks whether a string is a palindrome.",
  "Translate into French: 'The meeting has been moved to Thursday afternoon.'",
  "Summarize in two sentences why the sky is blue.",
];
