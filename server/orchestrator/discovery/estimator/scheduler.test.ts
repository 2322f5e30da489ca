import { describe, expect, it } from "vitest";
import type { Capability } from "../../spec";
import { createSeededRandom } from "../../testing/random";
import { resolveLimits } from "./options";
import { pickNext } from "./scheduler";
import { CapabilityTally } from "./tally";
import { listSource } from "./test-support/hidden-skill";

const limits = resolveLimits({ maxProbesPerCapability: 50 }, 3);
const tally = (capability: Capability, alpha: number, beta: number) => new CapabilityTally(capability, listSource(capability), { alpha, beta });

describe("pickNext", () => {
  it("picks the capability with the largest posterior variance", () => {
    const tallies = [tally("math", 19, 3), tally("code", 11, 11), tally("chat", 30, 30)];
    expect(pickNext(tallies, limits, createSeededRandom(1))?.capability).toBe("code");
  });

  it("counts probes in flight as if answered at the current mean, so concurrent probes spread out", () => {
    const code = tally("code", 11, 11);
    const chat = tally("chat", 12, 12);
    code.inFlight = 3;
    expect(pickNext([code, chat], limits, createSeededRandom(1))?.capability).toBe("chat");
  });

  it("skips stopped capabilities and those whose cap is taken by results and probes in flight", () => {
    const stopped = tally("code", 5, 5);
    stopped.stopReason = "target";
    const full = tally("chat", 5, 5);
    full.probes = 48;
    full.inFlight = 2;
    const open = tally("math", 40, 2);
    expect(pickNext([stopped, full, open], limits, createSeededRandom(1))?.capability).toBe("math");
    expect(pickNext([stopped, full], limits, createSeededRandom(1))).toBeUndefined();
  });

  it("breaks ties at random, evenly", () => {
    const random = createSeededRandom(4);
    const counts = new Map<Capability, number>();
    const tallies = [tally("math", 1, 1), tally("code", 1, 1), tally("chat", 1, 1)];
    for (let i = 0; i < 3000; i++) {
      const c = pickNext(tallies, limits, random)?.capability as Capability;
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    for (const c of ["math", "code", "chat"] as const) expect(counts.get(c)).toBeGreaterThan(900);
  });
});
