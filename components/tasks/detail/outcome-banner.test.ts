import { describe, expect, it } from "vitest";
import { outcomeBanner } from "./outcome-banner";

describe("the banner over an ended task", () => {
  it("reads a cancel as a decision in amber, with its reason and what stays billed", () => {
    const banner = outcomeBanner({ status: "cancelled", error: "cancelled by an operator" }, null);
    expect(banner).toMatchObject({ tone: "warning", title: "Task cancelled", testId: "task-cancelled", mono: false });
    expect(banner?.message).toBe("Cancelled by an operator. Steps that finished before the cancel stay billed.");
  });

  it("does not double a reason's full stop, and copes with no reason", () => {
    expect(outcomeBanner({ status: "cancelled", error: "The caller left." }, null)?.message).toMatch(/^The caller left\. Steps/);
    expect(outcomeBanner({ status: "cancelled", error: null }, null)?.message).toMatch(/^Cancelled\. Steps/);
  });

  it("shows a failure as an error, verbatim, falling back to the live error", () => {
    expect(outcomeBanner({ status: "failed", error: "no model meets max cost $0.0001" }, null)).toEqual({
      tone: "error",
      title: "Task failed",
      message: "no model meets max cost $0.0001",
      mono: true,
      testId: "task-error",
    });
    expect(outcomeBanner({ status: "failed", error: null }, "boom")?.message).toBe("boom");
  });

  it("shows nothing for tasks that completed or have not ended", () => {
    for (const status of ["completed", "queued", "running"] as const) expect(outcomeBanner({ status, error: null }, null)).toBeNull();
  });
});
