import { describe, expect, it } from "vitest";
import { ProviderError } from "../errors";
import { runChain, step } from "../testing";

const voters = (...ids: string[]) => ids.map((id) => step("voter", id));

describe("vote", () => {
  it("takes the majority over normalised answers", async () => {
    const { outcome, t } = await runChain("vote", voters("a", "b", "c"), {
      a: { script: { text: "The answer is **42**." } },
      b: { script: { text: "41" } },
      c: { script: { text: '{"answer": 42}' } },
    }, { format: "short-answer" });
    expect(outcome?.result.text).toBe("The answer is **42**.");
    expect(outcome?.result.contributors).toEqual([0, 2]);
    const toResult = t.events.filter((e) => e.type === "message.sent" && e.to === "result");
    expect(toResult.map((e) => e.type === "message.sent" && e.from)).toEqual(["step:0", "step:2"]);
  });

  it("breaks a tie by the voters' capability profile on the primary capability", async () => {
    const { outcome } = await runChain("vote", voters("weak1", "weak2", "strong1", "strong2"), {
      weak1: { script: { text: "Answer: 7" }, mean: 0.3 },
      weak2: { script: { text: "Answer: 7" }, mean: 0.4 },
      strong1: { script: { text: "Answer: 8" }, mean: 0.9 },
      strong2: { script: { text: "Answer: 8" }, mean: 0.8 },
    });
    expect(outcome?.result.text).toBe("Answer: 8");
    expect(outcome?.result.contributors).toEqual([2, 3]);
  });

  it("falls back to routing candidate scores, then plan order, when the profile is unknown", async () => {
    const models = { x: { script: { text: "red" } }, y: { script: { text: "blue" } } };
    const scored = await runChain("vote", voters("x", "y"), models, {
      chain: { explanation: { policy: "quality", summary: "", candidates: [{ modelId: "x", score: 0.2, components: {} }, { modelId: "y", score: 0.7, components: {} }] } },
    });
    expect(scored.outcome?.result.text).toBe("blue");
    const unscored = await runChain("vote", voters("x", "y"), models);
    expect(unscored.outcome?.result.text).toBe("red");
  });

  it("prefers the capability profile to routing scores, which under the cost policy rank cheapness", async () => {
    const { outcome } = await runChain("vote", voters("swift", "atlas", "glitch"), {
      swift: { script: { text: "Answer: positive" }, mean: 0.7 },
      atlas: { script: { text: "Answer: negative" }, mean: 0.9 },
      glitch: { script: { text: "Answer: neutral" }, mean: 0.73 },
    }, {
      format: "short-answer",
      chain: {
        explanation: {
          policy: "cost",
          summary: "",
          candidates: [{ modelId: "swift", score: 0.96, components: {} }, { modelId: "atlas", score: 0.52, components: {} }, { modelId: "glitch", score: -0.07, components: {} }],
        },
      },
    });
    expect(outcome?.result.text).toBe("Answer: negative");
    expect(outcome?.answer.modelId).toBe("atlas");
  });

  it("tolerates failing voters and fails only when none answers", async () => {
    const down = { script: { error: new ProviderError("auth", "down", 401) } };
    const some = await runChain("vote", voters("a", "b"), { a: down, b: { script: { text: "5" } } });
    expect(some.outcome?.result.text).toBe("5");
    const none = await runChain("vote", voters("a", "b"), { a: down, b: down });
    expect(none.error).toBeInstanceOf(ProviderError);
  });

  it("asks voters for an explicit final answer line", async () => {
    const { t } = await runChain("vote", voters("a"), { a: { script: { text: "1" } } });
    expect(t.clients.a?.calls[0]?.messages[0]).toMatchObject({ role: "system", content: expect.stringContaining("Answer: <answer>") });
  });
});
