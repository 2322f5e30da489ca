import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { shadowOutcomes, tasks, taskSteps } from "@/db/schema";
import { answerKey, type LabDataset } from "@/server/orchestrator/lab";
import { normalizeAnswer } from "@/server/orchestrator/synthesis/normalize";
import type { RosterService } from "./roster";

/** The pseudo data set built from this instance's own multi-model tasks. */
export const HISTORY_DATASET = "ensemble-history";
/** Roles whose steps answered the task independently: their answers can be graded against each other. */
const ANSWER_ROLES = new Set(["voter", "proposer"]);

interface Answer {
  modelId: string;
  text: string;
}

interface TaskAnswers {
  prompt: string;
  family: string;
  /** what the task returned, and which model gave it */
  served: Answer | null;
  voters: Answer[];
  proposers: Answer[];
  shadows: Answer[];
}

const keyOf = (text: string) => answerKey(normalizeAnswer(text));

function majority(keys: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const k of keys) if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best && best[1] * 2 > keys.length ? best[0] : null;
}

function collect(db: Db): Map<string, TaskAnswers> {
  const byTask = new Map<string, TaskAnswers>();
  const entry = (taskId: string, t: { prompt: string; primary: string | null; output: string | null; modelId: string | null }) => {
    let e = byTask.get(taskId);
    if (!e) {
      e = { prompt: t.prompt, family: t.primary ?? "unknown", served: t.output !== null && t.modelId ? { modelId: t.modelId, text: t.output } : null, voters: [], proposers: [], shadows: [] };
      byTask.set(taskId, e);
    }
    return e;
  };
  const task = { prompt: tasks.prompt, primary: tasks.primaryCapability, output: tasks.output, modelId: tasks.modelId };
  const steps = db
    .select({ taskId: taskSteps.taskId, role: taskSteps.role, stepModel: taskSteps.modelId, text: taskSteps.output, ...task })
    .from(taskSteps)
    .innerJoin(tasks, eq(tasks.id, taskSteps.taskId))
    .where(eq(taskSteps.status, "completed"))
    .all();
  for (const s of steps) {
    if (!ANSWER_ROLES.has(s.role) || s.text === null) continue;
    const e = entry(s.taskId, s);
    (s.role === "voter" ? e.voters : e.proposers).push({ modelId: s.stepModel, text: s.text });
  }
  const shadows = db
    .select({ taskId: shadowOutcomes.taskId, shadowModel: shadowOutcomes.shadowModelId, text: shadowOutcomes.output, ...task })
    .from(shadowOutcomes)
    .innerJoin(tasks, eq(tasks.id, shadowOutcomes.taskId))
    .where(eq(shadowOutcomes.status, "completed"))
    .all();
  for (const s of shadows) if (s.text !== null) entry(s.taskId, s).shadows.push({ modelId: s.shadowModel, text: s.text });
  return byTask;
}

/**
 * Ensemble's own history in the lab format: every completed input that two or more models answered (vote voters,
 * mixture proposers, a shadow model beside the task's own answer) is an item, each answer an outcome. There is no
 * answer key, so correctness is agreement: with the majority of a vote's answers (shadow answers included), with
 * the aggregate a mixture returned, or — for a task answered by one model plus a shadow — with the answer the task
 * served. Agreement is a proxy; it is what the learner itself uses for votes.
 */
export function exportHistory(db: Db, roster: RosterService): LabDataset {
  const items: LabDataset["items"] = [];
  const outcomes: LabDataset["outcomes"] = [];
  for (const [taskId, t] of collect(db)) {
    const independent = [...t.voters, ...t.proposers];
    const answers: Answer[] = [...(independent.length ? independent : t.served ? [t.served] : []), ...t.shadows];
    const distinctModels = new Set(answers.map((a) => a.modelId));
    if (distinctModels.size < 2) continue;
    const reference = t.voters.length ? majority(answers.map((a) => keyOf(a.text))) : t.served ? keyOf(t.served.text) : null;
    items.push({ id: taskId, family: t.family, prompt: t.prompt });
    const seen = new Set<string>();
    for (const a of answers) {
      // a model repeated in a vote (self-consistency) counts once per item: the lab replays one call per model
      if (seen.has(a.modelId)) continue;
      seen.add(a.modelId);
      outcomes.push({ id: taskId, model: a.modelId, correct: reference !== null && keyOf(a.text) === reference, answer: normalizeAnswer(a.text), outputChars: a.text.length });
    }
  }
  const used = new Set(outcomes.map((o) => o.model));
  const models = roster
    .list()
    .filter((m) => used.has(m.id))
    .map((m) => ({ id: m.id, provider: m.providerName, inputUsdPerMTok: m.inputUsdPerMTok, outputUsdPerMTok: m.outputUsdPerMTok }));
  // a model deleted from the roster since: keep its answers, priced at zero (the lab says what it cannot price)
  for (const id of used) if (!models.some((m) => m.id === id)) models.push({ id, provider: "deleted", inputUsdPerMTok: 0, outputUsdPerMTok: 0 });
  return { items, outcomes, models };
}
