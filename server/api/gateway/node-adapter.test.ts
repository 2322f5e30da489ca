import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { sendNodeReply } from "./node-adapter";

/** A response whose socket is slow: every write fills its buffer until the test lets it drain. */
function slowResponse() {
  const res = new EventEmitter() as EventEmitter & { written: string[]; ended: boolean; destroyed: boolean };
  Object.assign(res, {
    written: [],
    ended: false,
    destroyed: false,
    writeHead: () => res,
    write: (chunk: Uint8Array) => {
      res.written.push(new TextDecoder().decode(chunk));
      return false;
    },
    end: () => {
      res.ended = true;
    },
  });
  return res;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("sendNodeReply", () => {
  it("writes a stream's next chunk only once the response drained the last one", async () => {
    const res = slowResponse();
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(new TextEncoder().encode(`chunk ${pulls}`));
        if (pulls === 3) controller.close();
      },
    });
    const sent = sendNodeReply({ status: 200, headers: {}, body }, res as unknown as ServerResponse);
    await settle();
    expect(res.written).toEqual(["chunk 1"]);
    res.emit("drain");
    await settle();
    expect(res.written).toEqual(["chunk 1", "chunk 2"]);
    res.emit("drain");
    await settle();
    expect(res.written).toEqual(["chunk 1", "chunk 2", "chunk 3"]);
    res.emit("drain");
    await sent;
    expect(res.ended).toBe(true);
  });

  it("stops waiting, and cancels the stream, when the caller leaves", async () => {
    const res = slowResponse();
    let cancelled = false;
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode("more"));
        if (++pulls === 50) controller.close();
      },
      cancel: () => {
        cancelled = true;
      },
    });
    const sent = sendNodeReply({ status: 200, headers: {}, body }, res as unknown as ServerResponse);
    await settle();
    res.destroyed = true;
    res.emit("close");
    await sent;
    expect(cancelled).toBe(true);
    expect(res.written).toEqual(["more"]);
  });
});
