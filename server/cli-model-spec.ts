import { z } from "zod";
import { createModelSchema } from "@/server/api/schemas/models";
import { InvalidInputError } from "@/server/orchestrator/errors";
import { CAPABILITIES, DEFAULT_SIMULATED_SKILL, faultProfileSchema, latencyProfileSchema, type Capability } from "@/server/orchestrator/spec";
import type { Services } from "@/server/services/app";
import type { ModelInput } from "@/server/services/roster";

const skillsSchema = z.partialRecord(z.enum(CAPABILITIES), z.number().min(0).max(1));

/**
 * `models add --json '<spec>'`: any provider by its id or name, or "simulated" with hidden true skills
 * ("skills": {"math": 0.9, …}; left-out capabilities default low) plus optional latency, prices and faults.
 */
const cliSpecSchema = z.object({
  id: z.string().optional(),
  name: z.string().min(1).max(100).optional(),
  provider: z.string().min(1).default("simulated"),
  remoteModel: z.string().min(1).max(200).optional(),
  contextWindow: z.number().int().min(256).max(10_000_000).default(32_000),
  inputUsdPerMTok: z.number().min(0).max(10_000).default(1),
  outputUsdPerMTok: z.number().min(0).max(10_000).default(2),
  enabled: z.boolean().default(true),
  skills: skillsSchema.optional(),
  latency: latencyProfileSchema.partial().optional(),
  faults: faultProfileSchema.partial().optional(),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  /** starting profile scores; the hidden skills are never copied into the profile */
  initialScores: skillsSchema.optional(),
});

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48) || "model";
}

export function modelSpecFromCli(json: string, services: Pick<Services, "providers">): ModelInput {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new InvalidInputError("--json", `is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const spec = cliSpecSchema.parse(raw);
  const provider = services.providers.list().find((p) => p.id === spec.provider || p.name.toLowerCase() === spec.provider.toLowerCase());
  if (!provider) throw new InvalidInputError("provider", `"${spec.provider}" is not a registered provider (use "simulated" or a provider id/name)`);
  const id = spec.id ?? `${provider.kind === "simulated" ? "sim-" : ""}${slug(spec.name ?? spec.remoteModel ?? "model")}-${Date.now().toString(36).slice(-4)}`;
  const simulated =
    provider.kind === "simulated"
      ? {
          seed: spec.seed ?? Math.floor(Math.random() * 2 ** 31),
          skills: Object.fromEntries(CAPABILITIES.map((c) => [c, spec.skills?.[c as Capability] ?? DEFAULT_SIMULATED_SKILL])),
          latency: { ttftMs: 300, tokensPerSec: 80, jitter: 0.2, ...spec.latency },
          faults: { errorRate: 0, rateLimitRate: 0, timeoutRate: 0, cutStreamRate: 0, ...spec.faults },
        }
      : undefined;
  return createModelSchema.parse({
    id,
    name: spec.name ?? id,
    providerId: provider.id,
    remoteModel: spec.remoteModel ?? id,
    contextWindow: spec.contextWindow,
    inputUsdPerMTok: spec.inputUsdPerMTok,
    outputUsdPerMTok: spec.outputUsdPerMTok,
    enabled: spec.enabled,
    simulated,
    initialScores: spec.initialScores,
  }) as ModelInput;
}
