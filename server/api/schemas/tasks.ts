import { z } from "zod";
import { MAX_TASK_CHARS, ROUTING_POLICIES, STRATEGIES, TASK_STATUSES, taskConstraintsSchema } from "@/server/orchestrator/spec";

export const submitTaskSchema = z.object({
  prompt: z
    .string()
    .trim()
    .min(1, "is empty: write what the task should do")
    .max(MAX_TASK_CHARS, `must be at most ${MAX_TASK_CHARS.toLocaleString("en")} characters`),
  constraints: taskConstraintsSchema.default({}),
  strategy: z.enum(STRATEGIES, { error: `must be one of ${STRATEGIES.join(", ")}` }).default("auto"),
  policy: z.enum(ROUTING_POLICIES, { error: `must be one of ${ROUTING_POLICIES.join(", ")}` }).default("balanced"),
  /** false: do not answer from the result cache, and do not cache this task's answer */
  cache: z.boolean({ error: "must be true or false" }).default(true),
});

export const listTasksSchema = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100, "must be at most 100").default(20),
  search: z.string().trim().max(200, "must be at most 200 characters").optional(),
  status: z.enum(TASK_STATUSES).optional(),
  modelId: z.string().max(64).optional(),
  from: z.number().int().nonnegative().optional(),
  to: z.number().int().nonnegative().optional(),
});

export const watchTaskSchema = z.object({
  id: z.string().min(1).max(200),
  /** resume after this task_events id (tracked by the SSE link as lastEventId) */
  lastEventId: z.string().max(40).nullish(),
});

export type SubmitTaskInput = z.infer<typeof submitTaskSchema>;
export type ListTasksInput = z.infer<typeof listTasksSchema>;

/** `tasks list` in the CLI: newest first. */
export const cliTaskListSchema = z.object({
  status: z.enum(TASK_STATUSES, { error: `must be one of ${TASK_STATUSES.join(", ")}` }).optional(),
  limit: z.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(10_000, "must be at most 10,000").default(50),
});

export const cacheStatsSchema = z
  .object({ since: z.number().int().nonnegative().optional() })
  .default({});
