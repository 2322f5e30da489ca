import type { Channel, ModelCommunication, ModelMessage, TaskEvent } from "../spec";
import { createContextStore, type ContextStore } from "./context-store";

export interface TaskCommunication extends ModelCommunication {
  readonly store: ContextStore;
}

/**
 * The ModelCommunication of one task. Sending emits `message.sent` (so the graph and the event log show every
 * edge) and delivers the message into the shared context store, from which the receiving step builds its input.
 * Messages of other tasks are refused: a store never mixes tasks.
 */
export function createCommunication(taskId: string, emit: (event: TaskEvent) => void): TaskCommunication {
  const store = createContextStore();
  let channelSeq = 0;

  const communication: TaskCommunication = {
    store,
    async sendMessage(message: ModelMessage) {
      if (message.taskId !== taskId) throw new Error(`message for task ${message.taskId} sent on task ${taskId}`);
      emit({
        type: "message.sent",
        taskId,
        from: message.from,
        to: message.to,
        kind: message.kind,
        content: message.content,
        tokens: message.tokens,
      });
      await communication.receiveMessage(message);
    },
    async receiveMessage(message: ModelMessage) {
      if (message.taskId !== taskId) throw new Error(`message for task ${message.taskId} received on task ${taskId}`);
      store.add({ from: message.from, to: message.to, kind: message.kind, content: message.content, tokens: message.tokens });
    },
    async establishChannel(source: string, destination: string): Promise<Channel> {
      const id = `${taskId}:${source}->${destination}:${channelSeq++}`;
      return {
        id,
        source,
        destination,
        send: (message) => communication.sendMessage({ ...message, taskId, from: source, to: destination }),
      };
    },
  };
  return communication;
}
