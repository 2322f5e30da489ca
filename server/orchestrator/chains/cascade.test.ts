import { describe, expect, it } from "vitest";
import { ProviderError } from "../errors";
import { byPrompt, runChain, step } from "../testing";

const YES = { text: "YES" };
const NO = { text: "NO, the arithmetic is wrong." };

describe("cascade with a verifier", () => {
  const plan = [step("answer", "cheap"), step("answer", "mid"), step("answer", "big"), step("verifier", "judge")];

  it("accepts the cheap answer when the verifier says YES", async () => {
    const { outcome, t } = await runChain("cascade", plan, {
      cheap: { script: { text: "Answer: 42" } },
      mid: { script: { text: "never" } },
      big: { script: { text: "never" } },
      judge: { script: YES },
    }, { format: "short-answer" });
    expect(outcome?.result.text).toBe("Answer: 42");
    expect(outcome?.result.contributors).toEqual([0, 1]);
    expect(t.clients.mid?.calls).toHaveLength(0);
    const ask = t.clients.judge?.calls[0]?.messages.at(-1)?.content ?? "";
    expect(ask).toContain("Proposed answer:\nAnswer: 42");
    expect(ask).toContain("Is this answer correct? Reply YES or NO.");
    expect(t.events.filter((e) => e.type === "message.sent").map((e) => e.type === "message.sent" && `${e.from}->${e.to}:${e.kind}`)).toEqual([
      "input->step:0:prompt",
      "input->step:1:prompt",
      "step:0->step:1:response",
      "step:1->step:0:verdict",
      "step:0->result:response",
    ]);
  });

  it("escalates when the verifier says NO, and when it rejects the last tier too, answers itself", async () => {
    const judge = byPrompt([{ when: "Is this answer correct?", reply: NO }], { text: "Answer: 42" });
    const { outcome, t } = await runChain("cascade", plan, {
      cheap: { script: { text: "Answer: 41" } },
      mid: { script: { text: "Answer: 40" } },
      big: { script: { text: "Answer: 39" } },
      judge: { script: judge },
    }, { format: "short-answer" });
    expect(outcome?.result.text).toBe("Answer: 42");
    // cheap, check, mid, check, big, check, then the judge's own answer
    expect(outcome?.result.contributors).toEqual([6]);
    expect(t.clients.judge?.calls).toHaveLength(4);
    expect(t.events.filter((e) => e.type === "fallback.taken")).toMatchObject([
      { fromModelId: "cheap", toModelId: "mid", reason: "verifier said NO" },
      { fromModelId: "mid", toModelId: "big", reason: "verifier said NO" },
      { fromModelId: "big", toModelId: "judge", reason: "verifier said NO" },
    ]);
    // the whole task's cost, not only the accepted answer's
    expect(outcome?.result.costUsd).toBeCloseTo(outcome?.steps.reduce((s, r) => s + r.costUsd, 0) ?? -1, 12);
  });

  it("checks even a lone cheap answer: the planner's cascade (one answer tier, the strong model verifying)", async () => {
    const judge = byPrompt([{ when: "Is this answer correct?", reply: NO }], { text: "Answer: 4" });
    const { outcome, t } = await runChain("cascade", [step("answer", "cheap"), step("verifier", "judge")], {
      cheap: { script: { text: "Answer: 785" } },
      judge: { script: judge },
    }, { format: "short-answer" });
    expect(outcome?.result.text).toBe("Answer: 4");
    expect(t.clients.judge?.calls).toHaveLength(2);
    expect(outcome?.steps.map((s) => s.role)).toEqual(["answer", "verifier", "answer"]);
  });

  it("takes the last answer without asking when the verifier's model is itself an answer tier", async () => {
    const { outcome, t } = await runChain("cascade", [step("answer", "cheap"), step("answer", "big"), step("verifier", "big")], {
      cheap: { script: { text: "Answer: 41" } },
      big: { script: byPrompt([{ when: "Is this answer correct?", reply: NO }], { text: "Answer: 42" }) },
    }, { format: "short-answer" });
    expect(outcome?.result.text).toBe("Answer: 42");
    expect(t.clients.big?.calls).toHaveLength(2);
    expect(outcome?.doubt).toBeUndefined();
  });

  it("escalates without asking the verifier when the format gate fails, and asks about the next answer", async () => {
    const { outcome, t } = await runChain("cascade", [step("answer", "cheap"), step("answer", "big"), step("verifier", "judge")], {
      cheap: { script: { text: "{not json" } },
      big: { script: { text: '```json\n{"a": 1}\n```' } },
      judge: { script: YES },
    }, { format: "json" });
    expect(outcome?.formatted.text).toBe('{\n  "a": 1\n}');
    expect(t.clients.judge?.calls).toHaveLength(1);
    expect(t.clients.judge?.calls[0]?.messages.at(-1)?.content).toContain('{"a": 1}');
    expect(t.events.find((e) => e.type === "fallback.taken")).toMatchObject({ reason: expect.stringMatching(/^format check failed: not valid JSON/) });
  });

  it("escalates past a failing model", async () => {
    const { outcome } = await runChain("cascade", [step("answer", "cheap"), step("answer", "big"), step("verifier", "judge")], {
      cheap: { script: { error: new ProviderError("bad-request", "context too long", 400) } },
      big: { script: { text: "ok" } },
      judge: { script: YES },
    });
    expect(outcome?.result.text).toBe("ok");
  });

  it("returns the best unverified answer when the budget stops escalation", async () => {
    const { outcome, t } = await runChain("cascade", plan, {
      cheap: { script: { text: "Answer: 41" } },
      mid: { script: { text: "never" }, spec: { pricing: { inputUsdPerMTok: 1e6, outputUsdPerMTok: 1e6 } } },
      big: { script: { text: "never" } },
      judge: { script: NO },
    }, { format: "short-answer", extra: { budget: { maxCostUsd: 0.5 } } });
    expect(outcome?.result.text).toBe("Answer: 41");
    expect(t.clients.mid?.calls).toHaveLength(0);
    // returned, because nothing better came, but marked: the verifier said NO to it
    expect(outcome?.doubt).toMatch(/verifier said NO/);
  });
});

describe("cascade by agreement (no verifier)", () => {
  const plan = [step("answer", "a"), step("answer", "b"), step("answer", "c")];

  it("accepts when the two cheap answers agree after normalisation", async () => {
    const { outcome, t } = await runChain("cascade", plan, {
      a: { script: { text: "**The answer is 1,000.**" } },
      b: { script: { text: "Answer: 1000" } },
      c: { script: { text: "never" } },
    }, { format: "short-answer" });
    expect(outcome?.result.contributors).toEqual([0, 1]);
    expect(t.clients.c?.calls).toHaveLength(0);
  });

  it("escalates when they disagree and accepts the answer that agrees with one of them", async () => {
    const { outcome, t } = await runChain("cascade", plan, {
      a: { script: { text: "Answer: 12" } },
      b: { script: { text: "Answer: 13" } },
      c: { script: { text: "It is 13." } },
    }, { format: "short-answer" });
    expect(outcome?.result.text).toBe("It is 13.");
    expect(outcome?.result.contributors).toEqual([1, 2]);
    expect(t.events.find((e) => e.type === "fallback.taken")).toMatchObject({ fromModelId: "b", toModelId: "c", reason: "cheap answers disagree" });
  });
});

describe("cascade, format gate only", () => {
  it("takes the first answer whose format is valid", async () => {
    const { outcome } = await runChain("cascade", [step("answer", "a"), step("answer", "b")], {
      a: { script: { text: "```python\ndef f(:\n  return (1\n```" } },
      b: { script: byPrompt([{ when: "fib", reply: { text: "```python\ndef fib(n):\n    return n\n```" } }], { text: "?" }) },
    }, { format: "code", prompt: "write fib" });
    expect(outcome?.result.text).toContain("def fib(n)");
  });
});
