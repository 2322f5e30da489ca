import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ResilienceSettings } from "@/server/orchestrator/spec";
import type { Services } from "@/server/services/app";

export interface Listening {
  origin: string;
  close(): Promise<void>;
}

/** Starts `server` on a free local port; close() drops open connections (streams a test left open) first. */
export async function listen(server: Server): Promise<Listening> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Registers a roster model served by a fake OpenAI-compatible upstream at `baseUrl` (its own provider, named like
 * the model). `score` seeds the capabilities routing reads; without `resilience` the roster's defaults apply.
 */
export function addOpenAiModel(services: Services, name: string, baseUrl: string, options: { score?: number; resilience?: ResilienceSettings } = {}): void {
  const provider = services.providers.create({ name, kind: "openai-compatible", baseUrl });
  services.roster.create({
    id: name,
    name,
    providerId: provider.id,
    remoteModel: "fake-model",
    contextWindow: 16_000,
    inputUsdPerMTok: 1,
    outputUsdPerMTok: 2,
    enabled: true,
    ...(options.resilience ? { resilience: options.resilience } : {}),
    ...(options.score !== undefined
      ? { initialScores: Object.fromEntries(["chat", "writing", "knowledge", "reasoning", "math", "code", "summarization"].map((c) => [c, options.score])) }
      : {}),
  });
}
