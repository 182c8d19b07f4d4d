import type { ChatMessage, ToolCall } from "@/lib/spans/openinference";
import { ValueView } from "./value-view";

// Each role gets its own tint so a long prompt can be scanned for the turn that matters.
const roleStyle: Record<string, { box: string; label: string }> = {
  system: { box: "bg-zinc-100/70 border-zinc-200", label: "text-zinc-500" },
  user: { box: "bg-white border-zinc-200", label: "text-sky-700" },
  assistant: { box: "bg-indigo-50/60 border-indigo-200", label: "text-indigo-700" },
  tool: { box: "bg-emerald-50/60 border-emerald-200", label: "text-emerald-700" },
};
const fallbackStyle = { box: "bg-white border-zinc-200", label: "text-zinc-600" };

function ToolCallView({ call }: { call: ToolCall }) {
  return (
    <div className="rounded border border-zinc-200 bg-white">
      <div className="flex items-baseline gap-2 border-b border-zinc-100 px-2 py-1 font-mono text-[12px]">
        <span className="text-zinc-400">call</span>
        <span className="font-semibold text-zinc-900">{call.name ?? "(unnamed)"}</span>
        {call.id && <span className="ml-auto text-[11px] text-zinc-400">{call.id}</span>}
      </div>
      {call.arguments && (
        <pre className="overflow-x-auto px-2 py-1.5 font-mono text-[12px] leading-5 whitespace-pre-wrap break-words text-zinc-800">
          {call.arguments}
        </pre>
      )}
    </div>
  );
}

export function ChatMessages({ messages }: { messages: ChatMessage[] }) {
  return (
    <ol className="space-y-2">
      {messages.map((message, index) => {
        const style = roleStyle[message.role] ?? fallbackStyle;
        return (
          <li key={index} className={`rounded-md border px-3 py-2 ${style.box}`}>
            <div className="mb-1 flex items-baseline gap-2 text-[11px]">
              <span className={`font-semibold tracking-wide uppercase ${style.label}`}>{message.role}</span>
              {message.name && <span className="font-mono text-zinc-500">{message.name}</span>}
              {message.toolCallId && <span className="font-mono text-zinc-400">↳ {message.toolCallId}</span>}
            </div>
            {message.content !== null && message.content !== "" && <ValueView text={message.content} />}
            {message.toolCalls.length > 0 && (
              <div className="mt-1.5 space-y-1.5">
                {message.toolCalls.map((call, callIndex) => (
                  <ToolCallView key={callIndex} call={call} />
                ))}
              </div>
            )}
            {!message.content && message.toolCalls.length === 0 && (
              <p className="text-[12px] text-zinc-400 italic">empty</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
