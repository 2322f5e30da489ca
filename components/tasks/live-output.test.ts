import { describe, expect, it } from "vitest";
import type { TaskEvent } from "@/server/orchestrator/spec";
import { applyWatchMessage, currentStream, INITIAL_LIVE_STATE, type LiveState, type WatchMessage } from "./live-output";

const taskId = "tsk_1";
let at = 0;
const msg = (id: string, event: TaskEvent): WatchMessage => ({ id, at: ++at, event });
const fold = (messages: WatchMessage[], state: LiveState = INITIAL_LIVE_STATE) => messages.reduce(applyWatchMessage, state);

describe("applyWatchMessage", () => {
  it("accumulates streamed text per step and follows the status", () => {
    const state = fold([
      msg("1", { type: "task.queued", taskId }),
      msg("2", { type: "step.started", taskId, stepIndex: 0, modelId: "m1", role: "answer", input: [] }),
      msg("2:1", { type: "output.delta", taskId, stepIndex: 0, text: "Hel" }),
      msg("2:2", { type: "output.delta", taskId, stepIndex: 0, text: "lo" }),
    ]);
    expect(state.status).toBe("running");
    expect(state.steps).toEqual([{ stepIndex: 0, modelId: "m1", role: "answer", text: "Hello", done: false, failed: false }]);
    expect(currentStream(state)?.text).toBe("Hello");
  });

  it("ignores persisted events replayed after a reconnect", () => {
    const first = fold([msg("1", { type: "task.queued", taskId }), msg("2", { type: "step.started", taskId, stepIndex: 0, modelId: "m1", role: "answer", input: [] })]);
    const withDelta = applyWatchMessage(first, msg("2:1", { type: "output.delta", taskId, stepIndex: 0, text: "abc" }));
    const replayed = applyWatchMessage(withDelta, msg("2", { type: "step.started", taskId, stepIndex: 0, modelId: "m1", role: "answer", input: [] }));
    expect(replayed).toBe(withDelta);
    expect(currentStream(replayed)?.text).toBe("abc");
  });

  it("resets a retried step and takes the final output when a step completes", () => {
    const state = fold([
      msg("1", { type: "step.started", taskId, stepIndex: 0, modelId: "m1", role: "answer", input: [] }),
      msg("1:1", { type: "output.delta", taskId, stepIndex: 0, text: "partial" }),
      msg("2", { type: "step.retried", taskId, stepIndex: 0, modelId: "m1", attempt: 1, error: "cut" }),
      msg("2:1", { type: "output.delta", taskId, stepIndex: 0, text: "Fin" }),
      msg("3", { type: "step.completed", taskId, stepIndex: 0, modelId: "m1", output: "Final answer", inputTokens: 1, outputTokens: 2, costUsd: 0, latencyMs: 5 }),
    ]);
    expect(state.steps[0]).toMatchObject({ text: "Final answer", done: true });
  });

  it("shows the step being written in a multi-step chain, and records failure", () => {
    const state = fold([
      msg("1", { type: "step.started", taskId, stepIndex: 0, modelId: "a", role: "draft", input: [] }),
      msg("2", { type: "step.completed", taskId, stepIndex: 0, modelId: "a", output: "draft", inputTokens: 1, outputTokens: 1, costUsd: 0, latencyMs: 1 }),
      msg("3", { type: "step.started", taskId, stepIndex: 1, modelId: "b", role: "critique", input: [] }),
      msg("3:1", { type: "output.delta", taskId, stepIndex: 1, text: "crit" }),
    ]);
    expect(currentStream(state)).toMatchObject({ stepIndex: 1, role: "critique", text: "crit" });
    const failed = fold([msg("4", { type: "step.failed", taskId, stepIndex: 1, modelId: "b", error: "HTTP 500" }), msg("5", { type: "task.failed", taskId, status: "failed", error: "all models failed" })], state);
    expect(failed.status).toBe("failed");
    expect(failed.error).toBe("all models failed");
    expect(failed.steps[1]).toMatchObject({ failed: true, done: true });
    expect(failed.events.map((e) => e.id)).toEqual([1, 2, 3, undefined, 4, 5]);
  });
});
