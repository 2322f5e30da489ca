import type { ReactNode } from "react";
import { cx, Scroller } from "@/components/ui";
import type { ChatMessage } from "@/server/orchestrator/spec";
import { formatTokens } from "./format";
import type { ChainMessage } from "./types";

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-t border-neutral-100 px-4 py-3">
      <h4 className="mb-2 text-[11px] font-semibold uppercase tracking-wide text-neutral-500">{title}</h4>
      {children}
    </section>
  );
}

export function TextBlock({ text, tone = "neutral" }: { text: string; tone?: "neutral" | "error" }) {
  return (
    <Scroller axis="y" label="Message (scrolls)" className={tone === "error" ? "max-h-48 rounded-md bg-rose-50" : "max-h-72 rounded-md bg-neutral-50"}>
      <pre className={cx("p-2 text-xs leading-5 break-words whitespace-pre-wrap", tone === "error" ? "text-rose-800" : "text-neutral-800")}>{text}</pre>
    </Scroller>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="text-xs text-neutral-500 italic">{children}</p>;
}

export function Facts({ items }: { items: Array<[string, string]> }) {
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs">
      {items.map(([label, value]) => (
        <div key={label} className="flex justify-between gap-2">
          <dt className="text-neutral-500">{label}</dt>
          <dd className="font-medium text-neutral-800 tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The chat messages a step was called with, system/user/assistant. */
export function ChatInput({ messages }: { messages: readonly ChatMessage[] }) {
  if (messages.length === 0) return <Empty>No input recorded yet.</Empty>;
  return (
    <ol className="space-y-2">
      {messages.map((m, i) => (
        <li key={i}>
          <div className="mb-1 text-[10px] font-medium uppercase tracking-wide text-neutral-500">{m.role}</div>
          <TextBlock text={m.content} />
        </li>
      ))}
    </ol>
  );
}

/** Messages between nodes; content folded, since a prompt or an answer can be long. */
export function MessageList({ messages, label }: { messages: readonly ChainMessage[]; label: (nodeId: string) => string }) {
  if (messages.length === 0) return <Empty>None.</Empty>;
  return (
    <ul className="space-y-1.5">
      {messages.map((m, i) => (
        <li key={i} className="rounded-md border border-neutral-200">
          <details>
            <summary className="flex cursor-pointer items-center gap-2 px-2 py-1.5 text-xs">
              <span className="rounded bg-neutral-100 px-1.5 py-0.5 text-[10px] font-medium text-neutral-600">{m.kind}</span>
              <span className="min-w-0 truncate text-neutral-700">
                {label(m.from)} → {label(m.to)}
              </span>
              <span className="ml-auto shrink-0 text-neutral-500 tabular-nums">{formatTokens(m.tokens)} tok</span>
            </summary>
            <div className="px-2 pb-2">
              <TextBlock text={m.content} />
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
