import { DEFAULT_RESILIENCE_SETTINGS, type ResilienceSettings } from "@/server/orchestrator/spec";

/** The resilience part of the model form, as typed (strings, so a half-typed number is never lost). */
export interface ResilienceFormState {
  /** false: the model runs on the defaults, and saving stores none of its own */
  custom: boolean;
  firstTokenTimeoutMs: string;
  totalTimeoutMs: string;
  maxRetries: string;
  baseBackoffMs: string;
  maxBackoffMs: string;
  consecutiveFailures: string;
  /** "" = count only failures in a row */
  failureRatio: string;
  window: string;
  halfOpenAfterMs: string;
  maxConcurrent: string;
  maxQueued: string;
}

export type ResilienceTextField = Exclude<keyof ResilienceFormState, "custom">;

export function resilienceFormFrom(settings: ResilienceSettings = DEFAULT_RESILIENCE_SETTINGS, custom = false): ResilienceFormState {
  return {
    custom,
    firstTokenTimeoutMs: String(settings.firstTokenTimeoutMs),
    totalTimeoutMs: String(settings.totalTimeoutMs),
    maxRetries: String(settings.maxRetries),
    baseBackoffMs: String(settings.baseBackoffMs),
    maxBackoffMs: String(settings.maxBackoffMs),
    consecutiveFailures: String(settings.breaker.consecutiveFailures),
    failureRatio: settings.breaker.failureRatio === null ? "" : String(settings.breaker.failureRatio),
    window: String(settings.breaker.window),
    halfOpenAfterMs: String(settings.breaker.halfOpenAfterMs),
    maxConcurrent: String(settings.bulkhead.maxConcurrent),
    maxQueued: String(settings.bulkhead.maxQueued),
  };
}

const num = (value: string): number | undefined => (value.trim() === "" ? undefined : Number(value));

/** The `resilience` input field: null (the defaults) unless the admin set the model's own; validated by the server schema. */
export function toResilienceInput(form: ResilienceFormState) {
  if (!form.custom) return null;
  return {
    firstTokenTimeoutMs: num(form.firstTokenTimeoutMs),
    totalTimeoutMs: num(form.totalTimeoutMs),
    maxRetries: num(form.maxRetries),
    baseBackoffMs: num(form.baseBackoffMs),
    maxBackoffMs: num(form.maxBackoffMs),
    breaker: {
      consecutiveFailures: num(form.consecutiveFailures),
      failureRatio: num(form.failureRatio) ?? null,
      window: num(form.window),
      halfOpenAfterMs: num(form.halfOpenAfterMs),
    },
    bulkhead: { maxConcurrent: num(form.maxConcurrent), maxQueued: num(form.maxQueued) },
  };
}
