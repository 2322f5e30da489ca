import { describe, expect, it } from "vitest";
import { ProviderError } from "../errors";
import { runChain, step } from "../testing";

const plan = [step("draft", "writer"), step("critique", "critic"), step("revise", "editor")];

describe("pipeline", () => {
  it("passes the draft to the critic and both to the reviser through channels", async () => {
    const { outcome, t } = await runChain("pipeline", plan, {
      writer: { script: { text: "Draft: roses are red" } },
      critic: { script: { text: "Add violets." } },
      editor: { script: { text: "Roses are red, violets are blue" } },
    });
    expect(outcome?.result.text).toBe("Roses are red, violets are blue");
    expect(outcome?.result.contributors).toEqual([0, 1, 2]);
    expect(t.clients.critic?.calls[0]?.messages.at(-1)?.content).toContain("Draft answer:\nDraft: roses are red");
    const revise = t.clients.editor?.calls[0]?.messages.at(-1)?.content ?? "";
    expect(revise).toContain("Draft: roses are red");
    expect(revise).toContain("Reviewer's critique:\nAdd violets.");
    const edges = t.events.flatMap((e) => (e.type === "message.sent" ? [`${e.from}->${e.to}:${e.kind}`] : []));
    expect(edges).toEqual([
      "input->step:0:prompt",
      "input->step:1:prompt",
      "step:0->step:1:response",
      "input->step:2:prompt",
      "step:0->step:2:response",
      "step:1->step:2:critique",
      "step:2->result:response",
    ]);
  });

  it("keeps the draft when the critique fails", async () => {
    const { outcome, t } = await runChain("pipeline", plan, {
      writer: { script: { text: "draft" } },
      critic: { script: { error: new ProviderError("auth", "no", 401) } },
      editor: { script: { text: "never" } },
    });
    expect(outcome?.result.text).toBe("draft");
    expect(outcome?.result.contributors).toEqual([0]);
    expect(t.clients.editor?.calls).toHaveLength(0);
  });

  it("keeps a format-valid draft when the revision breaks the format, and says so", async () => {
    const { outcome, t } = await runChain(
      "pipeline",
      plan,
      {
        writer: { script: { text: '{"a": 1}' } },
        critic: { script: { text: "Name the key better." } },
        editor: { script: { text: "Here is the improved JSON: {a: 1" } },
      },
      { format: "json" },
    );
    expect(outcome?.result.text).toBe('{"a": 1}');
    expect(outcome?.valid).toBe(true);
    expect(outcome?.result.contributors).toEqual([0]);
    // the rejected revision was paid for: its step is still recorded and billed
    expect(outcome?.steps.map((s) => s.stepIndex)).toEqual([0, 1, 2]);
    const switches = t.events.flatMap((e) => (e.type === "fallback.taken" ? [e] : []));
    expect(switches).toEqual([
      expect.objectContaining({ fromModelId: "editor", toModelId: "writer", reason: expect.stringMatching(/^revision failed the format check \(not valid JSON.*\); keeping the previous draft$/) }),
    ]);
    expect(t.events.filter((e) => e.type === "message.sent" && e.to === "result").map((e) => e.type === "message.sent" && e.from)).toEqual(["step:0"]);
  });

  it("revises the kept draft in the next round after a rejected revision", async () => {
    const twoRounds = [...plan, step("critique", "critic"), step("revise", "editor")];
    const { outcome, t } = await runChain(
      "pipeline",
      twoRounds,
      {
        writer: { script: { text: '{"a": 1}' } },
        critic: { script: { text: "Name the key better." } },
        editor: { script: [{ text: "{a: 1" }, { text: '{"answer": 1}' }] },
      },
      { format: "json" },
    );
    expect(outcome?.result.text).toBe('{"answer": 1}');
    expect(outcome?.result.contributors).toEqual([0, 3, 4]);
    expect(t.clients.critic?.calls[1]?.messages.at(-1)?.content).toContain('Draft answer:\n{"a": 1}');
    expect(t.clients.editor?.calls[1]?.messages.at(-1)?.content).toContain('Draft answer:\n{"a": 1}');
  });

  it("takes a revision that fails the format when the draft failed it too", async () => {
    const { outcome, t } = await runChain(
      "pipeline",
      plan,
      {
        writer: { script: { text: "{broken" } },
        critic: { script: { text: "Close the brace." } },
        editor: { script: { text: "{still broken" } },
      },
      { format: "json" },
    );
    expect(outcome?.result.text).toBe("{still broken");
    expect(outcome?.result.contributors).toEqual([0, 1, 2]);
    expect(t.events.some((e) => e.type === "fallback.taken")).toBe(false);
  });

  it("trims context that would overflow the reviser's window", async () => {
    const longDraft = "word ".repeat(3000); // ~3750 tokens
    const { outcome, t } = await runChain("pipeline", plan, {
      writer: { script: { text: longDraft } },
      critic: { script: { text: "Too long; shorten it." } },
      editor: { script: { text: "short" }, spec: { contextWindow: 2048 } },
    });
    expect(outcome?.result.text).toBe("short");
    const started = t.events.find((e) => e.type === "step.started" && e.modelId === "editor");
    const input = started?.type === "step.started" ? started.input : [];
    const tokens = input.reduce((s, m) => s + Math.ceil(m.content.length / 4) + 4, 0);
    expect(tokens).toBeLessThanOrEqual(2048 - 512);
    const user = input.at(-1)?.content ?? "";
    expect(user).toContain("trimmed to fit the context window");
    expect(user).toContain("Too long; shorten it.");
    // the channel still carried the full draft: trimming happens in the receiver's context, not the message log
    expect(t.events.some((e) => e.type === "message.sent" && e.to === "step:2" && e.content === longDraft)).toBe(true);
  });
});
