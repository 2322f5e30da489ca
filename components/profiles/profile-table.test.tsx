import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { prepareProfileRows, type CapabilityProfileLike } from "@/components/charts/prepare-profile-rows";
import { ProfileTable } from "./profile-table";

const profile = (patch: Partial<CapabilityProfileLike> = {}): CapabilityProfileLike => ({
  mean: 0.6,
  low: 0.45,
  high: 0.74,
  source: "discovered",
  manualScore: null,
  manualBy: null,
  manualAt: null,
  discoveredAt: Date.UTC(2026, 10, 27),
  observations: 3,
  ...patch,
});

describe("ProfileTable (server render smoke test)", () => {
  it("renders one row per capability with its test id, source and interval", () => {
    const html = renderToStaticMarkup(<ProfileTable rows={prepareProfileRows({ math: profile(), code: profile({ source: "learned" }) })} modelId="m" canManage={false} />);
    expect(html).toContain('data-testid="profile-table"');
    for (const id of ["math", "code", "chat"]) expect(html).toContain(`data-testid="profile-row-${id}"`);
    expect(html).toContain("[0.45, 0.74]");
    expect(html).toContain('data-source="learned"');
    expect(html).not.toContain("Override");
  });

  it("shows a manual override apart from the estimate, with who set it", () => {
    const html = renderToStaticMarkup(
      <ProfileTable rows={prepareProfileRows({ math: profile({ manualScore: 0.8, manualBy: "x@y", manualAt: Date.UTC(2026, 10, 27, 6) }) })} modelId="m" canManage={false} />,
    );
    expect(html).toContain('data-testid="manual-override"');
    expect(html).toContain("manual 0.80, set by x@y");
    expect(html).toContain("0.60");
    expect(html).toContain('data-manual="true"');
  });
});
