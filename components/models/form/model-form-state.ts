import { CAPABILITIES, DEFAULT_SIMULATED_SKILL, type Capability, type ProviderKind, type ResilienceSettings, type SimulatedConfig } from "@/server/orchestrator/spec";
import { resilienceFormFrom, toResilienceInput, type ResilienceFormState } from "./resilience-form-state";

/** The add/edit model form as typed: strings for numbers, so a half-typed value is never lost. */
export interface ModelFormState {
  id: string;
  name: string;
  providerId: string;
  remoteModel: string;
  contextWindow: string;
  inputUsdPerMTok: string;
  outputUsdPerMTok: string;
  enabled: boolean;
  seed: string;
  skills: Record<Capability, string>;
  ttftMs: string;
  tokensPerSec: string;
  jitter: string;
  errorRate: string;
  rateLimitRate: string;
  timeoutRate: string;
  cutStreamRate: string;
  /** create only; "" leaves a capability at the uninformed 0.5 */
  initialScores: Record<Capability, string>;
  resilience: ResilienceFormState;
}

export const FAULT_FIELDS = ["errorRate", "rateLimitRate", "timeoutRate", "cutStreamRate"] as const;
export type FaultField = (typeof FAULT_FIELDS)[number];

const each = (value: string) => Object.fromEntries(CAPABILITIES.map((c) => [c, value])) as Record<Capability, string>;

export function emptyModelForm(providerId = ""): ModelFormState {
  return {
    id: "",
    name: "",
    providerId,
    remoteModel: "",
    contextWindow: "32000",
    inputUsdPerMTok: "1",
    outputUsdPerMTok: "2",
    enabled: true,
    seed: "1",
    skills: each("0.5"),
    ttftMs: "300",
    tokensPerSec: "100",
    jitter: "0.2",
    errorRate: "0",
    rateLimitRate: "0",
    timeoutRate: "0",
    cutStreamRate: "0",
    initialScores: each(""),
    resilience: resilienceFormFrom(),
  };
}

export interface ModelLike {
  id: string;
  name: string;
  providerId: string;
  remoteModel: string;
  contextWindow: number;
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  enabled: boolean;
  /** the settings in force, and whether they are the model's own (ModelView) */
  resilience?: ResilienceSettings;
  customResilience?: boolean;
}

/** The form for editing an existing model (with its hidden simulation config, when it has one). */
export function modelFormFrom(model: ModelLike, simulated: SimulatedConfig | null): ModelFormState {
  const base = emptyModelForm(model.providerId);
  const form: ModelFormState = {
    ...base,
    id: model.id,
    name: model.name,
    remoteModel: model.remoteModel,
    contextWindow: String(model.contextWindow),
    inputUsdPerMTok: String(model.inputUsdPerMTok),
    outputUsdPerMTok: String(model.outputUsdPerMTok),
    enabled: model.enabled,
    resilience: resilienceFormFrom(model.resilience, model.customResilience ?? false),
  };
  if (!simulated) return form;
  // a capability the config leaves out runs at the simulator's default skill; show that, not the form's default
  return {
    ...form,
    seed: String(simulated.seed),
    skills: Object.fromEntries(CAPABILITIES.map((c) => [c, String(simulated.skills[c] ?? DEFAULT_SIMULATED_SKILL)])) as Record<
      Capability,
      string
    >,
    ttftMs: String(simulated.latency.ttftMs),
    tokensPerSec: String(simulated.latency.tokensPerSec),
    jitter: String(simulated.latency.jitter),
    errorRate: String(simulated.faults.errorRate),
    rateLimitRate: String(simulated.faults.rateLimitRate),
    timeoutRate: String(simulated.faults.timeoutRate),
    cutStreamRate: String(simulated.faults.cutStreamRate),
  };
}

/** "" → undefined (the schema then says "must be a number"); otherwise Number(), NaN included. */
export function num(value: string): number | undefined {
  return value.trim() === "" ? undefined : Number(value);
}

function simulatedConfig(form: ModelFormState) {
  const skills: Partial<Record<Capability, number | undefined>> = {};
  for (const c of CAPABILITIES) if (form.skills[c].trim() !== "") skills[c] = num(form.skills[c]);
  return {
    seed: num(form.seed),
    skills,
    latency: { ttftMs: num(form.ttftMs), tokensPerSec: num(form.tokensPerSec), jitter: num(form.jitter) },
    faults: {
      errorRate: num(form.errorRate),
      rateLimitRate: num(form.rateLimitRate),
      timeoutRate: num(form.timeoutRate),
      cutStreamRate: num(form.cutStreamRate),
    },
  };
}

function commonFields(form: ModelFormState, kind: ProviderKind | undefined) {
  const simulated = kind === "simulated";
  return {
    name: form.name,
    providerId: form.providerId,
    // a simulated model has no remote name of its own; its id serves
    remoteModel: simulated && form.remoteModel.trim() === "" ? form.id : form.remoteModel,
    contextWindow: num(form.contextWindow),
    inputUsdPerMTok: num(form.inputUsdPerMTok),
    outputUsdPerMTok: num(form.outputUsdPerMTok),
    enabled: form.enabled,
    resilience: toResilienceInput(form.resilience),
    ...(simulated ? { simulated: simulatedConfig(form) } : {}),
  };
}

/** Input for models.create (validated by createModelSchema before sending). */
export function toCreateInput(form: ModelFormState, kind: ProviderKind | undefined) {
  const initialScores: Partial<Record<Capability, number | undefined>> = {};
  for (const c of CAPABILITIES) if (form.initialScores[c].trim() !== "") initialScores[c] = num(form.initialScores[c]);
  return {
    id: form.id,
    ...commonFields(form, kind),
    ...(Object.keys(initialScores).length ? { initialScores } : {}),
  };
}

/** Input for models.update (validated by updateModelSchema before sending). */
export function toUpdateInput(form: ModelFormState, kind: ProviderKind | undefined) {
  return { id: form.id, ...commonFields(form, kind) };
}
