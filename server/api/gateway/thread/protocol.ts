import type { IncomingHttpHeaders } from "node:http";
import type { GatewayRoute } from "../routes";

/** From the gateway's front (the I/O thread that owns the gateway port) to the server's thread. */
export type FrontMessage =
  /** `model`: the retrieve-model path's decoded `{model}` (undefined for the other routes) */
  | { type: "request"; id: number; route: GatewayRoute; model: string | undefined; headers: IncomingHttpHeaders; body: Uint8Array | "too-large" }
  | { type: "abort"; id: number };

/** Back to the front: one `reply`; when its body is null a stream follows as `chunk`s and one `end`. */
export type BackMessage =
  | {
      type: "reply";
      id: number;
      status: number;
      headers: Record<string, string>;
      body: string | null;
      closeConnection?: boolean;
      /** from the request's arrival on the server's thread to this reply, so the front can add the hops to the overhead header */
      handledMs: number;
    }
  | { type: "chunk"; id: number; chunk: Uint8Array }
  | { type: "end"; id: number };
