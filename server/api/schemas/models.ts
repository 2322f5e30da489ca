import { z } from "zod";
import { CAPABILITIES, MAX_USD_PER_MTOK, resilienceSettingsSchema, simulatedConfigSchema, type Capability } from "@/server/orchestrator/spec";

const scoreShape = Object.fromEntries(
  CAPABILITIES.map((c) => [c, z.number().min(0, "must be at least 0").max(1, "must be at most 1").optional()]),
) as Record<Capability, z.ZodOptional<z.ZodNumber>>;

const usdPerMTok = z
  .number({ error: "must be a number" })
  .min(0, "must be at least 0")
  .max(MAX_USD_PER_MTOK, `must be at most ${MAX_USD_PER_MTOK.toLocaleString("en")}`);

export const modelFieldsSchema = z.object({
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  providerId: z.string().min(1, "choose a provider").max(200, "must be at most 200 characters"),
  remoteModel: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters"),
  contextWindow: z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(256, "must be at least 256 tokens")
    .max(10_000_000, "must be at most 10,000,000 tokens"),
  inputUsdPerMTok: usdPerMTok,
  outputUsdPerMTok: usdPerMTok,
  /** no default here: a partial update without it must keep the model's state (zod fills defaults in .partial()) */
  enabled: z.boolean().optional(),
  simulated: simulatedConfigSchema.optional(),
  /** null: back to the defaults */
  resilience: resilienceSettingsSchema.nullable().optional(),
});

export const modelIdSchema = z
  .string()
  .trim()
  .min(2, "must be at least 2 characters")
  .max(64, "must be at most 64 characters")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit");

export const createModelSchema = modelFieldsSchema.extend({
  id: modelIdSchema,
  enabled: z.boolean().default(true),
  initialScores: z.object(scoreShape).strict().optional(),
});

export const updateModelSchema = modelFieldsSchema.partial().extend({ id: z.string().min(1).max(200, "must be at most 200 characters") });

export const setEnabledSchema = z.object({ id: z.string().min(1).max(200, "must be at most 200 characters"), enabled: z.boolean() });

export type CreateModelInput = z.infer<typeof createModelSchema>;
export type UpdateModelInput = z.infer<typeof updateModelSchema>;
