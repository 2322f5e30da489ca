import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { isConflict, ReplaceConfirm } from "./lab-upload";

describe("lab upload: replacing an existing data set", () => {
  it("recognises the server's CONFLICT, and nothing else, as a name conflict", () => {
    expect(isConflict({ message: "a data set named \"x\" already exists", data: { code: "CONFLICT" } })).toBe(true);
    expect(isConflict({ message: "items.jsonl line 3: …", data: { code: "BAD_REQUEST" } })).toBe(false);
    expect(isConflict(new Error("network"))).toBe(false);
    expect(isConflict(null)).toBe(false);
  });

  it("asks before replacing: a labelled group with the safe answer focused and an explicit Replace", () => {
    const html = renderToStaticMarkup(<ReplaceConfirm name="support-2026" pending={false} onReplace={() => undefined} onKeep={() => undefined} />);
    const group = /<div role="group" aria-labelledby="([^"]+)" data-testid="lab-upload-conflict">/.exec(html);
    expect(group).not.toBeNull();
    expect(html).toContain(`<span id="${group?.[1]}">A data set named support-2026 already exists</span>`);
    expect(html).toContain('aria-live="polite"'); // announced, like the form's other messages
    const buttons = [...html.matchAll(/<button ([^>]*)>(?:<[^>]+>)*([^<]*)</g)].map((m) => ({ attrs: m[1] ?? "", label: m[2] }));
    expect(buttons.map((b) => b.label)).toEqual(["Keep the existing set", "Replace"]);
    expect(buttons.every((b) => b.attrs.includes('type="button"'))).toBe(true); // neither submits the form
    expect(buttons[0]?.attrs).toMatch(/autofocus/i);
  });

  it("shows the replace in progress on its own button", () => {
    const html = renderToStaticMarkup(<ReplaceConfirm name="s" pending onReplace={() => undefined} onKeep={() => undefined} />);
    expect(html).toMatch(/<button [^>]*disabled=""[^>]*>Keep the existing set/);
    expect(html).toMatch(/aria-busy="true"[^>]*>.*Replace<\/button>/);
  });
});
