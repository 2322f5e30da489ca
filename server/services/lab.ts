import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tasks, taskSteps } from "@/db/schema";
import { dataDir } from "@/server/env";
import { InvalidInputError, NotFoundError } from "@/server/orchestrator/errors";
import { createTaskAnalyzer } from "@/server/orchestrator/analysis";
import { answerKey, evaluate, evaluateSteps, formatReport, LAB_FILES, parseLabFiles, prepare, type LabDataset, type LabFiles, type LabProgress, type LabReport } from "@/server/orchestrator/lab";
import { normalizeAnswer } from "@/server/orchestrator/synthesis/normalize";
import type { RosterService } from "./roster";

/** The pseudo data set built from this instance's own multi-model tasks. */
export const HISTORY_DATASET = "ensemble-history";
const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** Roles whose steps answered the task independently: their answers can be graded against each other. */
const ANSWER_ROLES = new Set(["voter", "proposer"]);

export interface LabRun {
  id: string;
  dataset: string;
  status: "running" | "complete" | "failed";
  progress: LabProgress;
  report?: LabReport;
  error?: string;
  elapsedMs?: number;
  startedAt: number;
}

export function labRoot(): string {
  return path.join(dataDir(), "lab");
}

/** Reads a data set folder (items.jsonl, outcomes.jsonl, models.json); errors name the missing file. */
export function readLabDir(dir: string): LabDataset {
  const files = Object.fromEntries(
    LAB_FILES.map((f) => {
      const file = path.join(dir, f);
      if (!existsSync(file)) throw new InvalidInputError("data", `${file} is missing: a lab data set needs ${LAB_FILES.join(", ")}`);
      return [f, readFileSync(file, "utf8")];
    }),
  ) as LabFiles;
  return parseLabFiles(files);
}

/** Analyses every prompt with Ensemble's analyzer (what production routing would see). */
export function prepareLabData(data: LabDataset) {
  const analyzer = createTaskAnalyzer();
  return prepare(data, (prompt) => analyzer.analyzeSync({ prompt, constraints: {} }));
}

/**
 * Ensemble's own history in the lab format: every completed task that two or more models answered independently
 * (vote voters, mixture proposers) is an item; each answer is an outcome, graded by agreement with the vote's
 * majority (or, for a mixture, with the aggregate the task returned). Agreement is a proxy for correctness: it is
 * what the learner itself uses for votes.
 */
export function exportHistory(db: Db, roster: RosterService): LabDataset {
  const steps = db
    .select({ taskId: taskSteps.taskId, role: taskSteps.role, modelId: taskSteps.modelId, output: taskSteps.output, prompt: tasks.prompt, primary: tasks.primaryCapability, taskOutput: tasks.output })
    .from(taskSteps)
    .innerJoin(tasks, eq(tasks.id, taskSteps.taskId))
    .where(eq(taskSteps.status, "completed"))
    .all()
    .filter((s) => ANSWER_ROLES.has(s.role) && s.output !== null);
  const byTask = new Map<string, typeof steps>();
  for (const s of steps) byTask.set(s.taskId, [...(byTask.get(s.taskId) ?? []), s]);
  const items: LabDataset["items"] = [];
  const outcomes: LabDataset["outcomes"] = [];
  for (const [taskId, answers] of byTask) {
    if (answers.length < 2) continue;
    const first = answers[0] as (typeof answers)[number];
    const keyOf = (text: string) => answerKey(normalizeAnswer(text));
    const reference = first.role === "proposer" && first.taskOutput ? keyOf(first.taskOutput) : majority(answers.map((a) => keyOf(a.output ?? "")));
    items.push({ id: taskId, family: first.primary ?? "unknown", prompt: first.prompt });
    for (const a of answers) {
      const answer = normalizeAnswer(a.output ?? "");
      outcomes.push({ id: taskId, model: a.modelId, correct: reference !== null && keyOf(a.output ?? "") === reference, answer, outputChars: (a.output ?? "").length });
    }
  }
  const used = new Set(outcomes.map((o) => o.model));
  const models = roster.list().filter((m) => used.has(m.id)).map((m) => ({ id: m.id, provider: m.providerName, inputUsdPerMTok: m.inputUsdPerMTok, outputUsdPerMTok: m.outputUsdPerMTok }));
  return { items, outcomes: dedupe(outcomes), models };
}

/** A model repeated in a vote (self-consistency) counts once per item: the lab replays one call per model. */
function dedupe(outcomes: LabDataset["outcomes"]): LabDataset["outcomes"] {
  const seen = new Set<string>();
  return outcomes.filter((o) => !seen.has(`${o.id}\u0000${o.model}`) && Boolean(seen.add(`${o.id}\u0000${o.model}`)));
}

function majority(keys: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const k of keys) if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best && best[1] * 2 > keys.length ? best[0] : null;
}

export function createLabService(deps: { db: Db; roster: RosterService; root?: () => string }) {
  const root = deps.root ?? labRoot;
  const runs = new Map<string, LabRun>();

  function load(name: string): LabDataset {
    if (name === HISTORY_DATASET) return exportHistory(deps.db, deps.roster);
    if (!NAME.test(name)) throw new InvalidInputError("dataset", "unknown data set");
    const dir = path.join(root(), name);
    if (!existsSync(dir)) throw new NotFoundError("dataset", name);
    return readLabDir(dir);
  }

  return {
    load,

    /** Imported data sets plus Ensemble's own history, with their sizes. */
    list(): Array<{ name: string; items: number; models: number; history: boolean }> {
      const dir = root();
      const names = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && NAME.test(d.name)).map((d) => d.name) : [];
      const rows = names.flatMap((name) => {
        try {
          const itemsText = readFileSync(path.join(dir, name, "items.jsonl"), "utf8");
          const models = JSON.parse(readFileSync(path.join(dir, name, "models.json"), "utf8")) as unknown[];
          return [{ name, items: itemsText.split("\n").filter((l) => l.trim()).length, models: models.length, history: false }];
        } catch {
          return []; // a half-written folder is not offered
        }
      });
      const history = exportHistory(deps.db, deps.roster);
      return [{ name: HISTORY_DATASET, items: history.items.length, models: history.models.length, history: true }, ...rows];
    },

    /** Validates all three files first (errors name file and line), then writes them under <dataDir>/lab/<name>/. */
    importFiles(name: string, files: LabFiles): { name: string; items: number; outcomes: number; models: number } {
      if (!NAME.test(name) || name === HISTORY_DATASET) throw new InvalidInputError("name", "use 1–64 lowercase letters, digits, '.', '_' or '-' (not the history name)");
      const data = parseLabFiles(files);
      const dir = path.join(root(), name);
      mkdirSync(dir, { recursive: true });
      for (const f of LAB_FILES) writeFileSync(path.join(dir, f), files[f]);
      return { name, items: data.items.length, outcomes: data.outcomes.length, models: data.models.length };
    },

    /**
     * Starts an evaluation in this process and returns at once; the caller polls get(). The evaluation runs one
     * policy per macrotask so the server keeps answering (and progress moves) while it works.
     */
    start(dataset: string, seed?: number): LabRun {
      const data = load(dataset);
      const run: LabRun = { id: randomUUID(), dataset, status: "running", progress: { done: 0, total: 1, label: "analysing prompts" }, startedAt: Date.now() };
      runs.set(run.id, run);
      void (async () => {
        try {
          await tick();
          const steps = evaluateSteps(prepareLabData(data), { seed });
          for (;;) {
            await tick();
            const next = steps.next();
            if (next.done) {
              run.report = next.value;
              break;
            }
            run.progress = next.value;
          }
          run.status = "complete";
        } catch (error) {
          run.status = "failed";
          run.error = error instanceof Error ? error.message : String(error);
        }
        run.elapsedMs = Date.now() - run.startedAt;
      })();
      return run;
    },

    get(id: string): LabRun {
      const run = runs.get(id);
      if (!run) throw new NotFoundError("lab run", id);
      return run;
    },
  };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export type LabService = ReturnType<typeof createLabService>;

const services = new WeakMap<object, LabService>();

/** One lab service per wired Services (it holds the in-flight runs); created on first use. */
export function labServiceFor(deps: { db: Db; roster: RosterService }): LabService {
  let lab = services.get(deps);
  if (!lab) services.set(deps, (lab = createLabService(deps)));
  return lab;
}

/** `npm run cli -- lab …`: the evaluation in the foreground, printed as JSON or as a table with the elapsed time. */
export async function runLabCommand(
  args: string[],
  deps: { db: Db; roster: RosterService },
  print: (value: unknown, json: boolean, human: () => string) => void,
): Promise<void> {
  const { values } = parseArgs({ args, options: { data: { type: "string" }, dataset: { type: "string" }, seed: { type: "string" }, json: { type: "boolean" } } });
  if (!values.data && !values.dataset) throw new InvalidInputError("data", "lab needs --data <dir> (items.jsonl, outcomes.jsonl, models.json) or --dataset <name>");
  const started = Date.now();
  const data = values.data ? readLabDir(path.resolve(values.data)) : labServiceFor(deps).load(values.dataset as string);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new InvalidInputError("seed", "must be an integer");
  const report = evaluate(prepareLabData(data), { seed });
  const elapsedMs = Date.now() - started;
  print({ ...report, elapsedMs }, Boolean(values.json), () => formatReport(report, elapsedMs));
}
