import { z } from "zod";

/**
 * Uploaded files are sent as text; 50 MB each is well above the 25k-outcome dev set (~40 MB of outcomes is the largest we expect).
 * An empty file is refused by the parser, as "items.jsonl: is empty", like a file of blank lines and like the CLI.
 */
const MAX_FILE_CHARS = 60_000_000;
const fileText = (name: string) => z.string().max(MAX_FILE_CHARS, `${name} is larger than 60 MB`);

export const labDatasetNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, "use 1–64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit");

export const importLabSchema = z.object({
  name: labDatasetNameSchema,
  items: fileText("items.jsonl"),
  outcomes: fileText("outcomes.jsonl"),
  models: fileText("models.json"),
  /** replace a data set of the same name; without it an existing name is refused (CONFLICT) */
  replace: z.boolean().default(false),
});
export type ImportLabInput = z.infer<typeof importLabSchema>;

export const startLabSchema = z.object({
  dataset: z.string().min(1, "choose a data set").max(64, "dataset must be at most 64 characters"),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
});

export const labRunIdSchema = z.object({ runId: z.string().uuid() });

export const listLabRunsSchema = z.object({ limit: z.number().int().min(1, "limit must be at least 1").max(100, "limit must be at most 100").default(20) }).default({ limit: 20 });

export const shadowSettingsSchema = z.object({
  fraction: z.number().min(0, "fraction must be at least 0").max(1, "fraction must be at most 1 (every task)"),
  shadowModelId: z.string().min(1, "shadowModelId must not be empty").max(200, "shadowModelId must be at most 200 characters").nullable(),
});
