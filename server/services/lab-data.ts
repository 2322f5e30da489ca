import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "@/server/env";
import { createTaskAnalyzer } from "@/server/orchestrator/analysis";
import { InvalidInputError, NotFoundError } from "@/server/orchestrator/errors";
import { LAB_FILES, parseLabFiles, prepare, type LabDataset, type LabFiles } from "@/server/orchestrator/lab";
import { HISTORY_DATASET } from "./lab-history";

export const DATASET_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

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

/** Imported data sets under <root>/<name>/: the three files, as uploaded after validation. */
export function createDatasetStore(root: () => string) {
  return {
    read(name: string): LabDataset {
      if (!DATASET_NAME.test(name)) throw new InvalidInputError("dataset", "unknown data set");
      const dir = path.join(root(), name);
      if (!existsSync(dir)) throw new NotFoundError("dataset", name);
      return readLabDir(dir);
    },

    list(): Array<{ name: string; items: number; models: number }> {
      const dir = root();
      const names = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && DATASET_NAME.test(d.name)).map((d) => d.name) : [];
      return names.flatMap((name) => {
        try {
          const itemsText = readFileSync(path.join(dir, name, "items.jsonl"), "utf8");
          const models = JSON.parse(readFileSync(path.join(dir, name, "models.json"), "utf8")) as unknown[];
          return [{ name, items: itemsText.split("\n").filter((l) => l.trim()).length, models: models.length }];
        } catch {
          return []; // a half-written folder is not offered
        }
      });
    },

    /** Validates all three files first (errors name file and line), then writes them. */
    write(name: string, files: LabFiles): { name: string; items: number; outcomes: number; models: number } {
      if (!DATASET_NAME.test(name) || name === HISTORY_DATASET) throw new InvalidInputError("name", "use 1–64 lowercase letters, digits, '.', '_' or '-' (not the history name)");
      const data = parseLabFiles(files);
      const dir = path.join(root(), name);
      mkdirSync(dir, { recursive: true });
      for (const f of LAB_FILES) writeFileSync(path.join(dir, f), files[f]);
      return { name, items: data.items.length, outcomes: data.outcomes.length, models: data.models.length };
    },
  };
}
