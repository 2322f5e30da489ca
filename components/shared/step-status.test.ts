import { describe, expect, it } from "vitest";
import { cancelledError } from "@/server/orchestrator/resilience/errors";
import { stepDisplayStatus } from "./step-status";

describe("a step's status on the task page", () => {
  it("shows a call cut short by the cancel as cancelled", () => {
    // the exact error the engine records on a call it aborts for a cancel
    expect(stepDisplayStatus({ status: "failed", error: cancelledError().message }, "cancelled")).toBe("cancelled");
    expect(stepDisplayStatus({ status: "failed", error: "cancelled by an operator" }, "cancelled")).toBe("cancelled");
  });

  it("shows a step the cancelled task never closed as cancelled, not running", () => {
    expect(stepDisplayStatus({ status: "running", error: null }, "cancelled")).toBe("cancelled");
  });

  it("keeps a call that failed on its own before the cancel failed", () => {
    expect(stepDisplayStatus({ status: "failed", error: "sim-glitch: HTTP 500 internal error" }, "cancelled")).toBe("failed");
    expect(stepDisplayStatus({ status: "failed", error: null }, "cancelled")).toBe("failed");
    expect(stepDisplayStatus({ status: "completed", error: null }, "cancelled")).toBe("completed");
  });

  it("leaves every step as stored when the task was not cancelled", () => {
    // an aborted call in a failed task (a resume that took another path) is a failure of that task
    expect(stepDisplayStatus({ status: "failed", error: "cancelled" }, "failed")).toBe("failed");
    expect(stepDisplayStatus({ status: "running", error: null }, "running")).toBe("running");
    expect(stepDisplayStatus({ status: "completed", error: null }, "completed")).toBe("completed");
  });
});
