import { z } from "zod";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  rateLimitPerMinute: z.number().int("must be a whole number").min(1, "must be at least 1").max(1_000_000, "must be at most 1000000").default(600),
  monthlyBudgetUsd: z.number().min(0, "must be 0 or more").max(1_000_000, "must be at most 1000000").nullish(),
});

export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;
