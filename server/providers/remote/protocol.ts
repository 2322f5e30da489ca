import type { ProviderErrorKind } from "@/server/orchestrator/errors";
import type { GenerateRequest, GenerateResult, ModelSpec } from "@/server/orchestrator/spec";

/** A provider call as it crosses to the provider thread: everything but the abort signal, which cannot be cloned. */
export type WireRequest = Omit<GenerateRequest, "signal">;

/** The decrypted connection, sent once per client when it is opened, never per call. */
export interface WireConnection {
  baseUrl?: string;
  apiKey?: string;
}

export interface WireError {
  kind: ProviderErrorKind;
  message: string;
  status?: number;
  retryAfterMs?: number;
}

/** From the server's thread to the provider thread; a port delivers them in order, so `open` precedes its calls. */
export type ProviderCallMessage =
  | { type: "open"; clientId: number; model: ModelSpec; connection: WireConnection }
  | { type: "close"; clientId: number }
  | { type: "call"; callId: number; clientId: number; mode: "generate" | "stream"; request: WireRequest }
  | { type: "abort"; callId: number };

/** Back from the provider thread: a stream's deltas, then exactly one `result` or `failed` per call. */
export type ProviderReplyMessage =
  | { type: "delta"; callId: number; text: string }
  | { type: "result"; callId: number; result: GenerateResult }
  | { type: "failed"; callId: number; error: WireError };

/** The side of a MessagePort (or a test's stand-in) each end talks through; `transfer` moves buffers instead of copying them. */
export interface Link<Out, In> {
  postMessage(message: Out, transfer?: ArrayBuffer[]): void;
  on(event: "message", listener: (message: In) => void): unknown;
}
