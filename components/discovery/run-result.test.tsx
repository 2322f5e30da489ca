import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LiveCapabilities } from "./live-capabilities";
import { RunIssues } from "./run-issues";
import { RunResult } from "./run-result";
import type { DiscoveryResult, DiscoveryRun } from "./types";

const estimate = { mean: 0.8, low: 0.7, high: 0.88, alpha: 9, beta: 2, probes: 12, passes: 10, failures: 2, broken: ["m7"], latencyMsAvg: 120, costUsdTotal: 0.002, stopReason: "target" as const };

const run: DiscoveryRun = {
  id: "dsc_1",
  modelId: "sim-a",
  suiteId: null,
  status: "complete",
  capabilities: ["math"],
  progress: null,
  result: { modelId: "sim-a", status: "complete", capabilities: { math: estimate } as unknown as DiscoveryResult["capabilities"], probesUsed: 12, callsMade: 13, errors: [] },
  error: null,
  probesUsed: 12,
  costUsd: 0.002,
  startedBy: null,
  startedAt: 1000,
  endedAt: 4000,
  probes: [
    { id: 1, runId: "dsc_1", itemId: "m1", capability: "math", outcome: "pass", score: 1, detail: "42 = 42", judgeVerdict: null, latencyMs: 100, costUsd: 0.0001, at: 1 },
    { id: 2, runId: "dsc_1", itemId: "w1", capability: "math", outcome: "fail", score: 0, detail: null, judgeVerdict: "judge-x: FAIL too long", latencyMs: 90, costUsd: 0.0001, at: 2 },
  ],
};

describe("RunResult (server render smoke test)", () => {
  it("shows the probes used, cost, each capability's estimate and the probes with judge verdicts", () => {
    const html = renderToStaticMarkup(<RunResult run={run} />).replace(/<!-- -->/g, "");
    expect(html).toContain('data-testid="discovery-result"');
    expect(html).toMatch(/discovery-probes-used">12<span[^>]*> of 13 calls/);
    expect(html).toContain("$0.002000");
    expect(html).toContain('data-testid="discovery-estimate-row"');
    expect(html).toContain("interval narrow enough");
    expect(html).toContain('data-testid="probe-row"');
    expect(html).toContain("judge-x: FAIL too long");
  });
});

describe("live panel parts", () => {
  it("lists broken items and errors with their ids", () => {
    const html = renderToStaticMarkup(
      <RunIssues
        issues={[
          { kind: "broken", capability: "math", itemId: "m7", detail: "grader threw" },
          { kind: "error", capability: "code", itemId: "c2", detail: "HTTP 500" },
        ]}
      />,
    );
    expect(html).toContain('data-testid="discovery-broken"');
    expect(html).toContain('data-item-id="m7"');
    expect(html).toContain('data-testid="discovery-errors"');
    expect(html).toContain("HTTP 500");
  });

  it("shows each capability's current estimate, or that it waits", () => {
    const html = renderToStaticMarkup(
      <LiveCapabilities
        running
        capabilities={[
          { capability: "math", probesDone: 3, estimate: { mean: 0.7, low: 0.4, high: 0.9 }, done: false, stopReason: null },
          { capability: "code", probesDone: 0, estimate: null, done: false, stopReason: null },
        ]}
      />,
    );
    expect(html).toContain("0.70 [0.40, 0.90]");
    expect(html).toContain("waiting");
  });
});
