/** What one policy did on one item: the models it paid for, and whether its final answer was right. */
export interface Decision {
  correct: boolean;
  costUsd: number;
  /** every model called, in order; the first is the policy's first choice (used for traffic shares) */
  models: string[];
}

export const NO_ANSWER: Decision = { correct: false, costUsd: 0, models: [] };
