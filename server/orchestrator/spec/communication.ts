export type MessageKind = "prompt" | "response" | "context" | "critique" | "verdict";

export interface ModelMessage {
  taskId: string;
  from: string;
  to: string;
  kind: MessageKind;
  content: string;
  tokens: number;
}

export interface Channel {
  id: string;
  source: string;
  destination: string;
  send(message: Omit<ModelMessage, "from" | "to" | "taskId">): Promise<void>;
}
