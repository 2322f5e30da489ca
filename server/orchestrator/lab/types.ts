import { z } from "zod";
import { MAX_USD_PER_MTOK } from "../spec/model";

/**
 * The replay data format (see README.md): three files, validated line by line at the boundary.
 * Extra fields (reference, output, priceSource…) are allowed and ignored: the lab needs only these.
 */
export const labItemSchema = z.object({
  id: z.string().min(1, "is required").max(500),
  family: z.string().min(1, "is required").max(100),
  prompt: z.string().min(1, "must not be empty"),
});
export type LabItem = z.infer<typeof labItemSchema>;

export const labOutcomeSchema = z.object({
  id: z.string().min(1, "is required"),
  model: z.string().min(1, "is required"),
  correct: z.boolean(),
  /** the parsed answer; null when none could be parsed (counts as wrong, agrees with nothing) */
  answer: z
    .union([z.string(), z.number(), z.null()], { error: (issue) => (issue.input === undefined ? "is required" : "must be text, a number or null") })
    .transform((a) => (a === null ? null : String(a))),
  outputChars: z.number().int().min(0),
});
export type LabOutcome = z.infer<typeof labOutcomeSchema>;

/** the roster's price bounds: a data set priced past them could never be a roster */
const price = z
  .number({ error: (issue) => (issue.input === undefined ? "is required" : "must be a number") })
  .min(0, "must be at least 0")
  .max(MAX_USD_PER_MTOK, `must be at most ${MAX_USD_PER_MTOK.toLocaleString("en")}`);

export const labModelSchema = z.object({
  id: z.string().min(1, "is required"),
  provider: z.string().optional(),
  inputUsdPerMTok: price,
  outputUsdPerMTok: price,
});
export type LabModel = z.infer<typeof labModelSchema>;
export const labModelsSchema = z.array(labModelSchema).min(1, "needs at least one model");

export interface LabDataset {
  items: LabItem[];
  outcomes: LabOutcome[];
  models: LabModel[];
}
