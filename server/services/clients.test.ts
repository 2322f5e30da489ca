import { describe, expect, it } from "vitest";
import type { ModelSpec } from "@/server/orchestrator/spec";
import type { RemoteModelClients } from "@/server/providers/remote/remote-client";
import type { WireConnection } from "@/server/providers/remote/protocol";
import { createHarness } from "../api/testing/harness";

/** Records what the provider thread would be asked to open and close. */
function recordingRemote() {
  const opened: Array<{ model: ModelSpec; connection: WireConnection }> = [];
  const closed: string[] = [];
  const remote: RemoteModelClients = {
    open(model, connection) {
      opened.push({ model, connection });
      const fail = () => Promise.reject(new Error("not called in this test"));
      return { modelId: model.id, generate: fail, stream: () => ({ [Symbol.asyncIterator]: () => ({ next: fail }) }), close: () => closed.push(model.id) };
    },
  };
  return { remote, opened, closed };
}

describe("model clients with a provider thread", () => {
  it("opens network models on the provider thread once, re-opens them when they change, and keeps simulated models here", async () => {
    const { remote, opened, closed } = recordingRemote();
    const h = await createHarness({ remoteModels: remote });
    const provider = h.services.providers.create({ name: "far", kind: "openai-compatible", baseUrl: "http://far.test/v1", apiKey: "sk-far" });
    h.services.roster.create({ id: "far-model", name: "Far", providerId: provider.id, remoteModel: "m", contextWindow: 8000, inputUsdPerMTok: 1, outputUsdPerMTok: 1, enabled: true });

    const first = h.services.clients.get("far-model");
    expect(h.services.clients.get("far-model")).toBe(first);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ model: { id: "far-model", remoteModel: "m" }, connection: { baseUrl: "http://far.test/v1", apiKey: "sk-far" } });

    // updatedAt has millisecond resolution: make sure the edit lands on a later one
    await new Promise((r) => setTimeout(r, 5));
    h.services.roster.update("far-model", { remoteModel: "m2" });
    expect(h.services.clients.get("far-model")).not.toBe(first);
    expect(closed).toEqual(["far-model"]);
    expect(opened.at(-1)?.model.remoteModel).toBe("m2");

    const simulated = h.services.roster.list().find((m) => m.isSimulated);
    expect(simulated).toBeDefined();
    expect(h.services.clients.get(simulated?.id ?? "").modelId).toBe(simulated?.id);
    expect(opened).toHaveLength(2);
  });
});
