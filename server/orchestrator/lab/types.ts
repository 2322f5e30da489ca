import { z } from "zod";

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
  answer: z.union([z.string(), z.number(), z.null()]).transform((a) => (a === null ? null : String(a))),
  outputChars: z.number().int().min(0),
});
export type LabOutcome = z.infer<typeof labOutcomeSchema>;

export const labModelSchema = z.object({
  id: z.string().min(1, "is required"),
  provider: z.string().optional(),
  inputUsdPerMTok: z.number().min(0),
  outputUsdPerMTok: z.number().min(0),
});
export type LabModel = z.infer<typeof labModelSchema>;
export const labModelsSchema = z.array(labModelSchema).min(1, "needs at least one model");

export interface LabDataset {
  items: LabItem[];
  outcomes: LabOutcome[];
  models: LabModel[];
}
