import path from "node:path";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import type { Db } from "@/db/client";
import { InvalidInputError } from "@/server/orchestrator/errors";
import { evaluate, formatReport, type LabDataset, type LabFiles } from "@/server/orchestrator/lab";
import { checkRunnable } from "@/server/orchestrator/lab/prepare";
import { createDatasetStore, labRoot, prepareLabData, readLabDir, requireItems } from "./lab-data";
import { exportHistory, HISTORY_DATASET } from "./lab-history";
import { evaluateInThread } from "./lab-thread";
import { createLabRunStore, type LabRun } from "./lab-runs";
import type { RosterService } from "./roster";

export { HISTORY_DATASET, exportHistory } from "./lab-history";
export { labRoot, MIN_LAB_ITEMS, prepareLabData, readLabDir } from "./lab-data";
export type { LabRun, LabRunSummary } from "./lab-runs";

export function createLabService(deps: { db: Db; roster: RosterService; root?: () => string; now?: () => number }) {
  const store = createDatasetStore(deps.root ?? labRoot);
  const runs = createLabRunStore(deps.db);
  const now = deps.now ?? Date.now;
  // a server that stopped mid-run left rows `running`; this process is the only one that runs them
  runs.failInterrupted(now());

  function load(name: string): LabDataset {
    return name === HISTORY_DATASET ? exportHistory(deps.db, deps.roster) : store.read(name);
  }

  return {
    load,

    /** Imported data sets plus Ensemble's own history, with their sizes. */
    list(): Array<{ name: string; items: number; models: number; history: boolean }> {
      const history = exportHistory(deps.db, deps.roster);
      return [{ name: HISTORY_DATASET, items: history.items.length, models: history.models.length, history: true }, ...store.list().map((d) => ({ ...d, history: false }))];
    },

    /**
     * Validates the three files with the rules a run applies (each line; duplicates and unknown ids across rows and
     * files; the item minimum; items in both halves of the split), then stores them. An existing name is a
     * ConflictError unless `replace` is set.
     */
    importFiles(name: string, files: LabFiles, options: { replace?: boolean } = {}) {
      return store.write(name, files, {
        replace: options.replace,
        check: (data) => checkRunnable(requireItems(name, data)),
      });
    },

    /**
     * Starts an evaluation and returns at once. The run is a row in lab_runs; it runs on a worker thread
     * (lab-thread.ts) so the server keeps answering, and every step is pushed to watchers and stored. An imported
     * set is read and parsed there too (its folder is all this thread looks at): tens of MB of outcomes take
     * seconds to parse. Ensemble's history comes from the database, here.
     */
    start(dataset: string, options: { seed?: number; userId?: string | null } = {}): LabRun {
      const source = dataset === HISTORY_DATASET ? { data: requireItems(dataset, load(dataset)) } : { name: dataset, dir: store.folder(dataset) };
      const id = randomUUID();
      const startedAt = now();
      runs.create({ id, dataset, startedBy: options.userId ?? null, startedAt, progress: { done: 0, total: 1, label: "reading the data set" } });
      evaluateInThread(source, options.seed, (progress) => runs.progress(id, progress)).then(
        (report) => runs.finish(id, { status: "complete", report }, now(), startedAt),
        (error: unknown) => runs.finish(id, { status: "failed", error: error instanceof Error ? error.message : String(error) }, now(), startedAt),
      );
      return runs.get(id);
    },

    get: (id: string) => runs.get(id),
    listRuns: (limit?: number) => runs.list(limit),
    watch: (id: string, signal?: AbortSignal) => runs.watch(id, signal),
  };
}

export type LabService = ReturnType<typeof createLabService>;

const services = new WeakMap<object, LabService>();

/** One lab service per wired Services; created on first use. */
export function labServiceFor(deps: { db: Db; roster: RosterService }): LabService {
  let lab = services.get(deps);
  if (!lab) services.set(deps, (lab = createLabService(deps)));
  return lab;
}

/**
 * `npm run cli -- lab --data <dir> | --dataset <name> | --history [--seed n] [--json]`: the evaluation in the
 * foreground, printed as JSON or as a table with the elapsed time.
 */
export async function runLabCommand(
  args: string[],
  deps: { db: Db; roster: RosterService },
  print: (value: unknown, json: boolean, human: () => string) => void,
): Promise<void> {
  const { values } = parseArgs({ args, options: { data: { type: "string" }, dataset: { type: "string" }, history: { type: "boolean" }, seed: { type: "string" }, json: { type: "boolean" } } });
  const sources = [values.data, values.dataset, values.history].filter(Boolean).length;
  if (sources !== 1) throw new InvalidInputError("data", "lab needs exactly one of --data <dir> (items.jsonl, outcomes.jsonl, models.json), --dataset <name> or --history");
  const started = Date.now();
  const name = values.history ? HISTORY_DATASET : (values.dataset ?? values.data ?? "");
  const data = requireItems(name, values.data ? readLabDir(path.resolve(values.data)) : values.history ? exportHistory(deps.db, deps.roster) : createDatasetStore(labRoot).read(name));
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new InvalidInputError("seed", "must be an integer");
  const report = evaluate(prepareLabData(data), { seed });
  const elapsedMs = Date.now() - started;
  print({ ...report, elapsedMs }, Boolean(values.json), () => formatReport(report, elapsedMs));
}
