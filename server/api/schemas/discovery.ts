import { z } from "zod";
import { suiteItemShape } from "@/server/orchestrator/discovery";
import { capabilitySchema } from "@/server/orchestrator/spec";

export const startDiscoverySchema = z.object({
  modelId: z.string().min(1, "choose a model").max(200, "must be at most 200 characters"),
  capabilities: z.array(capabilitySchema).max(12).optional(),
  suiteId: z.string().min(1).max(100).optional(),
});

export const runIdSchema = z.object({ runId: z.string().min(1).max(100) });

export const createSuiteSchema = z.object({
  name: z.string().trim().min(1, "is required").max(120, "must be at most 120 characters"),
  capability: capabilitySchema,
  description: z.string().trim().max(1000, "must be at most 1,000 characters").optional(),
});

/** Grader fields (labels, criteria, test cases) have no caps of their own: the item as a whole has one. */
const MAX_ITEM_JSON_CHARS = 100_000;

/** An operator's item: the suite fixes its capability, the server assigns an id when none is given. */
export const addSuiteItemSchema = z.object({
  suiteId: z.string().min(1).max(200, "must be at most 200 characters"),
  item: suiteItemShape
    .omit({ id: true, capability: true })
    .extend({
      id: z.string().trim().min(1).max(80).regex(/^[\w.-]+$/, "use letters, digits, '.', '_' and '-'").optional(),
    })
    .refine((item) => JSON.stringify(item).length <= MAX_ITEM_JSON_CHARS, `must be at most ${MAX_ITEM_JSON_CHARS.toLocaleString("en")} characters as JSON`),
});
