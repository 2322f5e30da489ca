import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "@/server/env";
import { createTaskAnalyzer } from "@/server/orchestrator/analysis";
import { ConflictError, InvalidInputError, NotFoundError } from "@/server/orchestrator/errors";
import { LAB_FILES, parseLabFiles, prepare, type LabDataset, type LabFiles } from "@/server/orchestrator/lab";
import { stripBom } from "@/server/orchestrator/lab/parse";
import { HISTORY_DATASET } from "./lab-history";

export const DATASET_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Fewer items than this in a data set: the lab refuses, with a message saying how many it has. */
export const MIN_LAB_ITEMS = 4;

export function requireItems(name: string, data: LabDataset): LabDataset {
  if (data.items.length >= MIN_LAB_ITEMS) return data;
  const hint = name === HISTORY_DATASET ? " — run vote or mixture tasks, or turn on shadow evaluation, so that inputs get answered by two or more models" : "";
  throw new InvalidInputError("dataset", `${name} has ${data.items.length} item${data.items.length === 1 ? "" : "s"}; the lab needs at least ${MIN_LAB_ITEMS}${hint}`);
}

export function labRoot(): string {
  return path.join(dataDir(), "lab");
}

function readOne(dir: string, name: string): string {
  const file = path.join(dir, name);
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InvalidInputError("data", `${file} is missing: a lab data set needs ${LAB_FILES.join(", ")}`);
    if (code === "EISDIR") throw new InvalidInputError("data", `${file} is a folder, not a file: a lab data set needs the files ${LAB_FILES.join(", ")}`);
    throw new InvalidInputError("data", `${file} cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`);
  }
}

/** The folder's identity: an import swaps in a new folder (a new inode) rather than rewriting files in place. */
function folderId(dir: string): string | null {
  try {
    const s = statSync(dir);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/**
 * Reads a data set folder (items.jsonl, outcomes.jsonl, models.json); errors name the missing or unreadable file.
 * The three files come from one folder: if an import (maybe in another process, e.g. the CLI) swapped the folder
 * while they were read, they are read again, so a run never mixes an old set's items with a new set's outcomes.
 */
export function readLabDir(dir: string): LabDataset {
  for (let attempt = 0; ; attempt++) {
    const before = folderId(dir);
    let files: LabFiles;
    try {
      files = Object.fromEntries(LAB_FILES.map((f) => [f, readOne(dir, f)])) as LabFiles;
    } catch (error) {
      if (attempt < 3 && folderId(dir) !== before) continue; // the folder moved mid-read: read the new one
      throw error;
    }
    if (attempt < 3 && (before === null || folderId(dir) !== before)) continue;
    return parseLabFiles(files);
  }
}

/** Analyses every prompt with Ensemble's analyzer (what production routing would see). */
export function prepareLabData(data: LabDataset) {
  const analyzer = createTaskAnalyzer();
  return prepare(data, (prompt) => analyzer.analyzeSync({ prompt, constraints: {} }));
}

export interface WriteOptions {
  /** replace a data set of the same name; without it, an existing name is a ConflictError */
  replace?: boolean;
  /** more rules on the parsed data (the service's item minimum and split check), run before anything is written */
  check?: (data: LabDataset) => void;
}

/** Imported data sets under <root>/<name>/: the three files, as uploaded after validation. */
export function createDatasetStore(root: () => string) {
  return {
    /** The folder of an imported set; errors for a name that is not one. */
    folder(name: string): string {
      if (!DATASET_NAME.test(name)) throw new InvalidInputError("dataset", "unknown data set");
      const dir = path.join(root(), name);
      if (!existsSync(dir)) throw new NotFoundError("dataset", name);
      return dir;
    },

    read(name: string): LabDataset {
      return readLabDir(this.folder(name));
    },

    list(): Array<{ name: string; items: number; models: number }> {
      const dir = root();
      // staging and replaced folders start with "." and never match DATASET_NAME
      const names = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && DATASET_NAME.test(d.name)).map((d) => d.name) : [];
      return names.flatMap((name) => {
        try {
          const itemsText = readFileSync(path.join(dir, name, "items.jsonl"), "utf8");
          const models = JSON.parse(stripBom(readFileSync(path.join(dir, name, "models.json"), "utf8"))) as unknown[];
          return [{ name, items: itemsText.split("\n").filter((l) => l.trim()).length, models: models.length }];
        } catch {
          return []; // an unreadable folder is not offered
        }
      });
    },

    /**
     * Validates all three files first (errors name file and line), then writes them into a staging folder next to
     * the set and renames it into place; a replaced set is moved aside first and removed only once the new one is
     * in place. A failed write leaves the old set as it was, and a reader never sees half of each.
     */
    write(name: string, files: LabFiles, options: WriteOptions = {}): { name: string; items: number; outcomes: number; models: number; replaced: boolean } {
      if (!DATASET_NAME.test(name) || name === HISTORY_DATASET) throw new InvalidInputError("name", "use 1–64 lowercase letters, digits, '.', '_' or '-' (not the history name)");
      const texts = Object.fromEntries(LAB_FILES.map((f) => [f, stripBom(files[f])])) as LabFiles;
      const data = parseLabFiles(texts);
      options.check?.(data);
      const base = root();
      const dir = path.join(base, name);
      const conflict = () => new ConflictError(`a data set named "${name}" already exists: choose another name, or replace it (replace: true)`);
      const replaced = existsSync(dir);
      if (replaced && !options.replace) throw conflict();
      mkdirSync(base, { recursive: true });
      const staging = path.join(base, `.${name}.${randomUUID()}.new`);
      try {
        mkdirSync(staging);
        for (const f of LAB_FILES) writeFileSync(path.join(staging, f), texts[f]);
        if (!replaced) {
          try {
            renameSync(staging, dir);
          } catch (error) {
            // created meanwhile (another process): renaming onto a non-empty folder fails
            const code = (error as NodeJS.ErrnoException).code;
            if (code === "ENOTEMPTY" || code === "EEXIST") throw conflict();
            throw error;
          }
        } else {
          const aside = path.join(base, `.${name}.${randomUUID()}.old`);
          renameSync(dir, aside);
          try {
            renameSync(staging, dir);
          } catch (error) {
            renameSync(aside, dir);
            throw error;
          }
          try {
            rmSync(aside, { recursive: true, force: true });
          } catch {
            // the new set is in place; a leftover hidden folder is never listed or read
          }
        }
      } catch (error) {
        rmSync(staging, { recursive: true, force: true });
        throw error;
      }
      return { name, items: data.items.length, outcomes: data.outcomes.length, models: data.models.length, replaced };
    },
  };
}
