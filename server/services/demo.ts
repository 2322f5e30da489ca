import type { SubmitInput } from "./tasks";

/**
 * A curated batch for stakeholder demos: every capability, every chain strategy, on the simulated
 * roster, so routing decisions and chains happen live in a minute.
 */
export const DEMO_TASKS: SubmitInput[] = [
  { prompt: "What is 347 * 28? Answer with the number only.", strategy: "auto", policy: "balanced", constraints: {} },
  { prompt: "A train leaves at 9:40 and arrives at 13:15. How many minutes is the journey?", strategy: "vote", policy: "balanced", constraints: {} },
  { prompt: "Write a Python function that returns the n-th Fibonacci number iteratively, with a docstring.", strategy: "pipeline", policy: "quality", constraints: {} },
  { prompt: "Write a warm, two-paragraph welcome email for new members of a community garden.", strategy: "mixture", policy: "quality", constraints: {} },
  { prompt: "Translate into French: 'The meeting has been moved to Thursday afternoon.'", strategy: "auto", policy: "cost", constraints: {} },
  { prompt: "Summarize in two sentences: Solar panels convert sunlight into electricity using photovoltaic cells. Output falls on cloudy days, and panels are usually angled toward the equator to maximise yield over a year.", strategy: "auto", policy: "balanced", constraints: {} },
  { prompt: "Classify the sentiment of this review as positive, negative or neutral: 'The battery died after two days and support never replied.'", strategy: "cascade", policy: "cost", constraints: {} },
  { prompt: "Extract the name, date and amount as JSON from: 'Invoice for Maria Lopez, issued 3 March 2025, total due EUR 1,240.50.'", strategy: "cascade", policy: "balanced", constraints: {} },
  { prompt: "Brainstorm ten names for a bakery that only sells sourdough.", strategy: "mixture", policy: "balanced", constraints: {} },
  { prompt: "You are a grumpy medieval innkeeper. A traveller asks for a room; answer in character.", strategy: "single", policy: "balanced", constraints: {} },
  { prompt: "If all bloops are razzies and some razzies are lazzies, must some bloops be lazzies? Explain.", strategy: "fallback", policy: "quality", constraints: {} },
  { prompt: "Who wrote 'Pride and Prejudice', and in which year was it first published?", strategy: "auto", policy: "explore", constraints: {} },
];
