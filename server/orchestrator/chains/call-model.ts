import { ProviderError } from "../errors";
import type { Clock, GenerateRequest, GenerateResult, ModelClient } from "../spec";

export interface CallOutcome {
  result: GenerateResult;
  /** the full reply: the finish part's text, or the streamed deltas when the provider left it empty */
  text: string;
  latencyMs: number;
  firstTokenMs?: number;
}

/**
 * One attempt at a model call. Streaming forwards each delta (unless the attempt was aborted, so an orphaned
 * stream cannot leak output after a timeout or cancel) and insists on a `finish` part: a stream that just
 * stops is a cut stream, which must fall back rather than pass as a complete answer.
 */
export async function callModel(
  client: ModelClient,
  request: GenerateRequest & { signal: AbortSignal },
  options: { stream: boolean; clock: Clock; onDelta: (text: string) => void; onFirstToken?: () => void },
): Promise<CallOutcome> {
  const { clock, signal } = { clock: options.clock, signal: request.signal };
  const started = clock.now();

  if (!options.stream) {
    const result = await client.generate(request);
    const elapsed = clock.now() - started;
    return { result, text: result.text, latencyMs: elapsed, firstTokenMs: result.firstTokenMs };
  }

  let text = "";
  let firstTokenMs: number | undefined;
  let finished: GenerateResult | undefined;
  for await (const part of client.stream(request)) {
    if (signal.aborted) break;
    if (part.type === "text-delta") {
      if (part.text === "") continue;
      if (firstTokenMs === undefined) {
        firstTokenMs = clock.now() - started;
        options.onFirstToken?.();
      }
      text += part.text;
      options.onDelta(part.text);
    } else {
      finished = part.result;
      options.onFirstToken?.();
      break;
    }
  }
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new ProviderError("aborted", "aborted");
  if (!finished) {
    throw new ProviderError("cut-stream", `${client.modelId}: stream ended without a finish part after ${text.length} characters`);
  }
  return { result: finished, text: finished.text || text, latencyMs: clock.now() - started, firstTokenMs };
}
