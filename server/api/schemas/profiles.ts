import { z } from "zod";
import { capabilitySchema } from "@/server/orchestrator/spec";

export const setManualSchema = z.object({
  modelId: z.string().min(1).max(200, "must be at most 200 characters"),
  capability: capabilitySchema,
  score: z.number({ error: "must be a number" }).min(0, "must be at least 0").max(1, "must be at most 1"),
});

export const resetProfileSchema = z.object({ modelId: z.string().min(1).max(200, "must be at most 200 characters"), capability: capabilitySchema });

export const historySchema = z.object({ modelId: z.string().min(1).max(200, "must be at most 200 characters"), since: z.number().int().nonnegative().optional() });

export const feedbackSchema = z.object({ taskId: z.string().min(1).max(200), rating: z.enum(["up", "down"]) });
