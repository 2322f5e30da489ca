import { describe, expect, it } from "vitest";
import { createManualClock } from "../testing";
import { BudgetExceededError, createBudget } from "./budget";

const admitFree = { modelId: "m", estimateCostUsd: () => 0 };

describe("createBudget", () => {
  it("refuses the step after maxSteps and names the cap", () => {
    const budget = createBudget({ maxSteps: 2 }, createManualClock(), "text");
    budget.admit(admitFree);
    budget.admit(admitFree);
    expect(() => budget.admit(admitFree)).toThrow(BudgetExceededError);
    expect(() => budget.admit(admitFree)).toThrow(/maxSteps=2/);
  });

  it("holds running steps' estimates so parallel steps cannot overspend, then settles actuals", () => {
    const budget = createBudget({ maxCostUsd: 1 }, createManualClock(), "text");
    const est = { modelId: "m", estimateCostUsd: () => 0.4 };
    const first = budget.admit(est);
    budget.admit(est);
    expect(() => budget.admit(est)).toThrow(/maxCostUsd=\$1/);
    first.settle({ costUsd: 0.01, latencyMs: 10, outputTokens: 5 });
    expect(() => budget.admit(est)).not.toThrow();
  });

  it("estimates output from the analyzer, then from what steps actually produced", () => {
    const budget = createBudget({}, createManualClock(), "code", 300);
    expect(budget.expectedOutputTokens()).toBe(300);
    budget.admit(admitFree).settle({ costUsd: 0, latencyMs: 1, outputTokens: 40 });
    expect(budget.expectedOutputTokens()).toBe(40);
    expect(createBudget({}, createManualClock(), "code").expectedOutputTokens()).toBe(1024);
  });

  it("refuses a step the latency cap cannot fit, judged by the mean step latency", async () => {
    const clock = createManualClock({ auto: false });
    const budget = createBudget({ maxLatencyMs: 1000 }, clock, "text");
    budget.admit(admitFree).settle({ costUsd: 0, latencyMs: 600, outputTokens: 1 });
    await clock.advance(600);
    expect(budget.remainingMs()).toBe(400);
    expect(() => budget.admit(admitFree)).toThrow(/maxLatencyMs=1000/);
  });
});
