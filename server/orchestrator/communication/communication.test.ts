import { describe, expect, it } from "vitest";
import type { TaskEvent } from "../spec";
import { createCommunication } from "./communication";

describe("createCommunication", () => {
  it("emits message.sent for every message on a channel and delivers it to the receiver's context", async () => {
    const events: TaskEvent[] = [];
    const comm = createCommunication("t1", (e) => events.push(e));
    const channel = await comm.establishChannel("step:0", "step:1");
    expect(channel).toMatchObject({ source: "step:0", destination: "step:1" });
    await channel.send({ kind: "response", content: "draft", tokens: 2 });
    expect(events).toEqual([{ type: "message.sent", taskId: "t1", from: "step:0", to: "step:1", kind: "response", content: "draft", tokens: 2 }]);
    expect(comm.store.inbox("step:1")).toMatchObject([{ from: "step:0", content: "draft" }]);
  });

  it("gives each channel its own id", async () => {
    const comm = createCommunication("t1", () => undefined);
    const a = await comm.establishChannel("step:0", "step:1");
    const b = await comm.establishChannel("step:0", "step:1");
    expect(a.id).not.toBe(b.id);
  });

  it("refuses messages of another task", async () => {
    const comm = createCommunication("t1", () => undefined);
    await expect(comm.sendMessage({ taskId: "t2", from: "a", to: "b", kind: "prompt", content: "", tokens: 0 })).rejects.toThrow(/t2/);
  });
});
