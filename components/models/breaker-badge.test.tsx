import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BreakerBadge } from "./breaker-badge";
import { ResilienceFields } from "./form/resilience-fields";
import { resilienceFormFrom } from "./form/resilience-form-state";

describe("breaker badge and resilience fields (server render)", () => {
  it("renders the breaker state with its test id and countdown", () => {
    const now = Date.UTC(2026, 0, 1);
    const html = renderToStaticMarkup(<BreakerBadge breaker={{ modelId: "m", state: "open", failures: 5, openedAt: now, nextProbeAt: now + 30_000 }} now={now} />);
    expect(html).toContain('data-testid="breaker-badge"');
    expect(html).toContain('data-breaker-state="open"');
    expect(html).toContain(">breaker open</span>");
    expect(html).toContain("probe in 30s");
  });

  it("says breaker on a closed one, so it does not read as the model being closed, with no countdown line", () => {
    const html = renderToStaticMarkup(<BreakerBadge breaker={undefined} now={0} />);
    expect(html).toContain(">breaker closed</span>");
    expect(html).not.toContain("breaker-detail");
  });

  it("renders every setting, disabled while the model uses the defaults, with the server's field errors", () => {
    const html = renderToStaticMarkup(
      <ResilienceFields value={resilienceFormFrom()} errors={{ "resilience.breaker.halfOpenAfterMs": ["must be at least 100 ms"] }} onChange={() => {}} />,
    );
    expect(html).toContain('data-testid="resilience-fields"');
    for (const label of ["First-token timeout (ms)", "Total timeout (ms)", "Max retries", "Opens after failures in a row", "Probe after (ms)", "Max concurrent calls"]) {
      expect(html).toContain(label);
    }
    expect(html.match(/disabled=""/g)?.length).toBe(11);
    expect(html).toContain("must be at least 100 ms");
  });
});
