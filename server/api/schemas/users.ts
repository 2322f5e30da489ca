import { z } from "zod";
import { ROLES } from "@/server/auth/roles";

export const createUserSchema = z.object({
  email: z.email({ error: "must be a valid email address" }).max(200, "must be at most 200 characters"),
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  password: z.string().min(10, "must be at least 10 characters").max(200, "must be at most 200 characters"),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }),
});

export const setRoleSchema = z.object({ id: z.string().min(1).max(200, "must be at most 200 characters"), role: z.enum(ROLES) });

export const loginSchema = z.object({
  email: z.email({ error: "must be a valid email address" }).max(200),
  password: z.string().min(1, "is required").max(200),
});
