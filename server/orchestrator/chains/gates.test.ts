import { describe, expect, it } from "vitest";
import { agreementApplies, answersAgree, formatGate, parseVerdict } from "./gates";

describe("gates", () => {
  it("parses verifier verdicts", () => {
    expect(parseVerdict("YES")).toBe("yes");
    expect(parseVerdict("**No.** The sum is wrong.")).toBe("no");
    expect(parseVerdict("Yes, it is correct")).toBe("yes");
    expect(parseVerdict("I cannot tell")).toBe("unknown");
    expect(parseVerdict("Nobody knows")).toBe("unknown");
  });

  it("compares normalised answers", () => {
    expect(answersAgree("The answer is 42.", "**42**")).toBe(true);
    expect(answersAgree("42", "43")).toBe(false);
    expect(answersAgree("", "")).toBe(false);
  });

  it("uses the format validator by requirements.format", () => {
    expect(formatGate("json", '{"ok": true}').ok).toBe(true);
    expect(formatGate("json", "ok").ok).toBe(false);
    expect(agreementApplies("short-answer")).toBe(true);
    expect(agreementApplies("text")).toBe(false);
  });
});
