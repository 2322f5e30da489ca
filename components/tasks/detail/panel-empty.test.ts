import { describe, expect, it } from "vitest";
import { emptyReason, planEmptyCopy, requirementsEmptyCopy, stepsEmptyCopy, type TaskOutcome } from "./panel-empty";

const cached: TaskOutcome = { status: "completed", cacheHit: true, cachedFromTaskId: "tsk_origin" };
const outcome = (status: TaskOutcome["status"], cacheHit: boolean | null = null): TaskOutcome => ({ status, cacheHit, cachedFromTaskId: null });

describe("why a task page panel is empty", () => {
  it("names the result cache for a cached answer, whatever else is true", () => {
    expect(emptyReason(cached)).toBe("cached");
    for (const copy of [planEmptyCopy(cached), requirementsEmptyCopy(cached), stepsEmptyCopy(cached)]) {
      expect(copy.linkToOrigin).toBe(true);
      expect(`${copy.title} ${copy.hint}`).toMatch(/result cache/);
      // a cache hit has no error and is not waiting for anything
      expect(`${copy.title} ${copy.hint}`).not.toMatch(/error|yet/i);
    }
    expect(planEmptyCopy(cached).title).toBe("Answered from the result cache");
    expect(requirementsEmptyCopy(cached).title).toBe("Answered from the result cache");
  });

  it("a cache miss or an opted-out task is judged by its status", () => {
    expect(emptyReason(outcome("completed", false))).toBe("unrecorded");
    expect(emptyReason(outcome("queued"))).toBe("pending");
    expect(emptyReason(outcome("running", false))).toBe("pending");
    expect(emptyReason(outcome("failed", false))).toBe("failed");
    expect(emptyReason(outcome("cancelled"))).toBe("cancelled");
  });

  it("points at the error only when there is one", () => {
    expect(planEmptyCopy(outcome("failed")).hint).toMatch(/error above/);
    expect(requirementsEmptyCopy(outcome("failed")).hint).toMatch(/error above/);
    for (const status of ["completed", "cancelled", "queued", "running"] as const) {
      expect(planEmptyCopy(outcome(status)).hint).not.toMatch(/error/);
      expect(requirementsEmptyCopy(outcome(status)).hint).not.toMatch(/error/);
    }
  });

  it("says 'yet' only while the task can still fill the panel", () => {
    expect(requirementsEmptyCopy(outcome("running")).title).toBe("Not analysed yet");
    expect(planEmptyCopy(outcome("queued")).title).toBe("No plan yet");
    expect(stepsEmptyCopy(outcome("running")).title).toBe("No steps yet");
    for (const status of ["completed", "failed", "cancelled"] as const) {
      expect(requirementsEmptyCopy(outcome(status)).title).not.toMatch(/yet/);
      expect(planEmptyCopy(outcome(status)).title).not.toMatch(/yet/);
      expect(stepsEmptyCopy(outcome(status)).linkToOrigin).toBe(false);
    }
  });
});
