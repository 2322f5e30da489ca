/** Learning: exact Beta summaries, continuous profile updates with forgetting, and their history. */
export { betaCdf, betaQuantile, betaVariance, intervalWidth, INTERVAL_LEVEL, summarizeBeta, type BetaSummary } from "./beta";
export { createProfileLearner, type OutcomeSignal, type ProfileLearner, type ProfileLearnerOptions } from "./learner";
export { signalFromStep, SIGNAL_WEIGHTS, type SignalKind, type StepSignal } from "./signals";
export { applyLearned } from "./apply";
export { DEFAULT_HISTORY_POLICY, historyDecision, historyPoint, type HistoryPoint, type HistoryPolicy, type HistoryReason } from "./history";
export { posteriorMean, type Posterior, type TimedPosterior } from "./posterior";
