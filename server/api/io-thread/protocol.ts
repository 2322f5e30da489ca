import type { MessagePort } from "node:worker_threads";

/** Provider calls go over the worker's own port; these two ports are handed to it at start. */
export interface IoThreadData {
  /** gateway requests read off the gateway port, and their replies (server/api/gateway/thread) */
  gateway: MessagePort;
  /** the server asks the thread to open the gateway port once its services are up, and hears how it went */
  control: MessagePort;
}

export type IoControlMessage = { type: "listen"; port: number; host?: string };
export type IoStatusMessage = { type: "listening"; port: number } | { type: "listen-failed"; error: string };
