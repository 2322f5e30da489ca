import { describe, expect, it } from "vitest";
import { taskRowView, type TaskRowInput } from "./task-row-view";

const ran: TaskRowInput = { costUsd: 0.00237, latencyMs: 2380, inputTokens: 15, outputTokens: 74, primaryCapability: "knowledge", cacheHit: false };

describe("taskRowView", () => {
  it("marks only a cache hit as cached: a miss and a task that never looked are not", () => {
    expect(taskRowView({ ...ran, costUsd: 0, latencyMs: 0, inputTokens: 0, outputTokens: 0, cacheHit: true })).toMatchObject({ cached: true, cost: "$0", latency: "0 ms" });
    expect(taskRowView(ran).cached).toBe(false);
    expect(taskRowView({ ...ran, cacheHit: null }).cached).toBe(false);
  });

  it("formats cost, latency, tokens and the capability, with a dash when routing found none", () => {
    expect(taskRowView(ran)).toEqual({ cached: false, cost: "$0.002370", latency: "2.38 s", tokens: "15 / 74", capability: "Knowledge" });
    expect(taskRowView({ ...ran, primaryCapability: null }).capability).toBe("–");
  });
});
