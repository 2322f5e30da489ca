import type { Db } from "@/db/client";
import * as q from "@/db/queries/profiles";
import { listMessages, listSteps, findTask } from "@/db/queries/tasks";
import { InvalidInputError, NotFoundError } from "@/server/orchestrator/errors";
import {
  createProfileLearner,
  historyDecision,
  signalFromStep,
  summarizeBeta,
  DEFAULT_HISTORY_POLICY,
  type StepSignal,
} from "@/server/orchestrator/learning";
import { signalsFromTask, type VerdictMessage } from "@/server/orchestrator/learning/task-signals";
import { CAPABILITIES, type Capability, type TaskRequirements } from "@/server/orchestrator/spec";
import type { RosterService } from "./roster";

const STEP_NODE = /^step:(\d+)$/;

function stepOf(node: string): number | undefined {
  const match = STEP_NODE.exec(node);
  return match ? Number(match[1]) : undefined;
}

function verdictOf(content: string): VerdictMessage["verdict"] {
  const word = content.trim().toLowerCase();
  return word.startsWith("yes") ? "yes" : word.startsWith("no") ? "no" : "unknown";
}

/**
 * Capability profiles as evidence accrues: live outcome signals (with forgetting), discovery runs,
 * and operators' hand-set overrides, each kept apart and each leaving a point in the history.
 */
export function createProfileService(deps: { db: Db; roster: RosterService; now?: () => number; learningEnabled?: boolean }) {
  const { db, roster } = deps;
  const now = deps.now ?? Date.now;
  const learner = createProfileLearner();

  function recordHistory(modelId: string, capability: Capability, source: string, force = false) {
    const row = q.findProfile(db, modelId, capability);
    if (!row) return;
    const at = now();
    const last = q.lastHistory(db, modelId, capability);
    const since = row.observations % DEFAULT_HISTORY_POLICY.everyObservations === 0 ? DEFAULT_HISTORY_POLICY.everyObservations : 0;
    const lastPoint = last ? { at: last.at, alpha: 0, beta: 0, mean: last.mean, low: last.low, high: last.high } : undefined;
    if (!force && !historyDecision(lastPoint, row, { observationsSince: since, now: at })) return;
    const summary = summarizeBeta(row.alpha, row.beta);
    const mean = row.manualScore ?? summary.mean;
    q.insertHistory(db, { modelId, capability, mean, low: summary.low, high: summary.high, source: row.manualScore !== null ? "manual" : source, at });
  }

  function observe(modelId: string, weights: Partial<Record<Capability, number>>, signal: StepSignal) {
    const current: Partial<Record<Capability, { alpha: number; beta: number }>> = {};
    for (const capability of CAPABILITIES) {
      const row = q.findProfile(db, modelId, capability);
      if (row) current[capability] = { alpha: row.alpha, beta: row.beta };
    }
    const updated = learner.observe(current, signalFromStep(signal, weights));
    for (const [capability, posterior] of Object.entries(updated) as [Capability, { alpha: number; beta: number }][]) {
      const row = q.findProfile(db, modelId, capability);
      if (!row) continue;
      q.updateProfile(db, modelId, capability, {
        alpha: posterior.alpha,
        beta: posterior.beta,
        source: "learned",
        observations: row.observations + 1,
        updatedAt: now(),
      });
      recordHistory(modelId, capability, "learned");
    }
  }

  function requireModel(modelId: string) {
    roster.get(modelId);
  }

  return {
    /** Folds a finished task's outcome signals into the profiles of the models that ran it. */
    learnFromTask(taskId: string): number {
      if (deps.learningEnabled === false) return 0;
      const task = findTask(db, taskId);
      const requirements = task?.requirements as TaskRequirements | null | undefined;
      if (!task || !requirements) return 0;
      // a pinned task (the gateway's `model: <id>`) is one plain-text answer: no format validator, verdict or
      // vote to learn from, so its steps and messages are not read at all (this ran on every gateway request)
      if (task.pinnedModelId && requirements.format === "text") return 0;
      const verdicts: VerdictMessage[] = listMessages(db, taskId)
        .filter((m) => m.kind === "verdict")
        .flatMap((m) => {
          const fromStep = stepOf(m.fromNode);
          const toStep = stepOf(m.toNode);
          return fromStep === undefined || toStep === undefined ? [] : [{ fromStep, toStep, verdict: verdictOf(m.content) }];
        });
      const signals = signalsFromTask({ format: requirements.format, steps: listSteps(db, taskId), verdicts });
      if (signals.length === 0) return 0;
      db.transaction(() => {
        for (const s of signals) if (roster.list().some((m) => m.id === s.modelId)) observe(s.modelId, requirements.capabilities, s.signal);
      });
      roster.changed();
      return signals.length;
    },

    /** An operator's thumbs up or down on a finished task, credited to the model that produced the answer. */
    feedback(taskId: string, userId: string, rating: "up" | "down") {
      const task = findTask(db, taskId);
      if (!task) throw new NotFoundError("Task", taskId);
      if (task.status !== "completed" || !task.modelId) throw new InvalidInputError("taskId", "only a completed task can be rated");
      const requirements = task.requirements as TaskRequirements | null;
      // the rating and its evidence are written together: a rating stored without its evidence would never add it later
      const learned = db.transaction(() => {
        const previous = q.feedbackOf(db, taskId).find((f) => f.userId === userId);
        q.upsertFeedback(db, { taskId, userId, value: rating === "up" ? 1 : -1, at: now() });
        // a changed mind replaces the rating but does not count twice as evidence
        if (previous || !requirements || !roster.list().some((m) => m.id === task.modelId)) return false;
        observe(task.modelId as string, requirements.capabilities, { kind: "feedback", rating });
        return true;
      });
      if (learned) roster.changed();
      return { taskId, rating };
    },

    feedbackOf: (taskId: string) => q.feedbackOf(db, taskId),

    /** A hand-set score: kept apart from the posterior, shown as manual, with who and when. */
    setManual(modelId: string, capability: Capability, score: number, userId: string) {
      requireModel(modelId);
      db.transaction(() => {
        q.updateProfile(db, modelId, capability, { manualScore: score, manualBy: userId, manualAt: now(), updatedAt: now() });
        recordHistory(modelId, capability, "manual", true);
      });
      roster.changed();
    },

    /** Drops the manual score and restores the last discovered posterior (or keeps the learned one when never discovered). */
    resetToDiscovered(modelId: string, capability: Capability) {
      requireModel(modelId);
      const row = q.findProfile(db, modelId, capability);
      if (!row) throw new NotFoundError("Profile", `${modelId}/${capability}`);
      const discovered = row.discoveredAlpha !== null && row.discoveredBeta !== null;
      db.transaction(() => {
        q.updateProfile(db, modelId, capability, {
          manualScore: null,
          manualBy: null,
          manualAt: null,
          ...(discovered ? { alpha: row.discoveredAlpha as number, beta: row.discoveredBeta as number, source: "discovered" as const } : {}),
          updatedAt: now(),
        });
        recordHistory(modelId, capability, discovered ? "discovered" : row.source, true);
      });
      roster.changed();
    },

    /** A discovery run's posteriors become the profile and the baseline "reset to discovered" restores. */
    applyDiscovery(modelId: string, estimates: Partial<Record<Capability, { alpha: number; beta: number }>>) {
      const at = now();
      db.transaction(() => {
        for (const [capability, posterior] of Object.entries(estimates) as [Capability, { alpha: number; beta: number }][]) {
          q.updateProfile(db, modelId, capability, {
            alpha: posterior.alpha,
            beta: posterior.beta,
            discoveredAlpha: posterior.alpha,
            discoveredBeta: posterior.beta,
            discoveredAt: at,
            source: "discovered",
            observations: 0,
            updatedAt: at,
          });
          recordHistory(modelId, capability, "discovered", true);
        }
      });
      roster.changed();
    },

    history(modelId: string, since = 0) {
      requireModel(modelId);
      return q.listHistory(db, modelId, since);
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
