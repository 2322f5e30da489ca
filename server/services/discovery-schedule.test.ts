import { describe, expect, it } from "vitest";
import { modelsDueForDiscovery } from "./discovery-schedule";

describe("modelsDueForDiscovery", () => {
  const models = [
    { id: "never", enabled: true },
    { id: "stale", enabled: true },
    { id: "fresh", enabled: true },
    { id: "off", enabled: false },
  ];
  const last: Record<string, number> = { stale: 0, fresh: 9_000 };

  it("picks enabled models never measured or measured longer ago than the interval", () => {
    expect(modelsDueForDiscovery(models, (id) => last[id], 10_000, 5_000)).toEqual(["never", "stale"]);
  });
});
