import type { ChatMessage, ToolCall } from "@/lib/spans/openinference";
import { formatCount } from "@/lib/spans/format";
import { ValueView } from "./value-view";

// Each role gets its own tint so a long prompt can be scanned for the turn that matters.
const roleStyle: Record<string, { box: string; label: string }> = {
  system: { box: "bg-zinc-100/70 border-zinc-200", label: "text-zinc-500" },
  user: { box: "bg-white border-zinc-200", label: "text-sky-700" },
  assistant: { box: "bg-indigo-50/60 border-indigo-200", label: "text-indigo-700" },
  tool: { box: "bg-emerald-50/60 border-emerald-200", label: "text-emerald-700" },
};
const fallbackStyle = { box: "bg-white border-zinc-200", label: "text-zinc-600" };
// Long system prompts (instructions plus pasted context) start folded so the
// conversation itself is on screen; the first line still says what it is.
const FOLD_SYSTEM_AT = 600;

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

function RoleLabel({ message, className }: { message: ChatMessage; className: string }) {
  return (
    <span className="flex items-baseline gap-2 text-[11px]">
      <span className={`font-semibold tracking-wide uppercase ${className}`}>{message.role}</span>
      {message.name && <span className="font-mono text-zinc-500">{message.name}</span>}
      {message.toolCallId && <span className="font-mono text-zinc-400">↳ {message.toolCallId}</span>}
    </span>
  );
}

function MessageBody({ message }: { message: ChatMessage }) {
  return (
    <>
      {message.content !== null && message.content !== "" && <ValueView text={message.content} />}
      {message.toolCalls.length > 0 && (
        <div className="mt-1.5 space-y-1.5">
          {message.toolCalls.map((call, index) => (
            <ToolCallView key={index} call={call} />
          ))}
        </div>
      )}
      {!message.content && message.toolCalls.length === 0 && <p className="text-[12px] text-zinc-400 italic">empty</p>}
    </>
  );
}

export function ChatMessages({ messages }: { messages: ChatMessage[] }) {
  return (
    <ol className="space-y-2">
      {messages.map((message, index) => {
        const style = roleStyle[message.role] ?? fallbackStyle;
        const content = message.content ?? "";
        if (message.role === "system" && content.length > FOLD_SYSTEM_AT) {
          return (
            <li key={index} className={`rounded-md border ${style.box}`}>
              <details>
                <summary className="flex cursor-pointer items-baseline gap-2 px-3 py-2">
                  <RoleLabel message={message} className={style.label} />
                  <span className="min-w-0 flex-1 truncate text-[12px] text-zinc-500 [details[open]>summary>&]:invisible">
                    {content.split("\n", 1)[0]}
                  </span>
                  <span className="shrink-0 font-mono text-[11px] text-zinc-400">{formatCount(content.length)} chars</span>
                </summary>
                <div className="px-3 pb-2">
                  <MessageBody message={message} />
                </div>
              </details>
            </li>
          );
        }
        return (
          <li key={index} className={`rounded-md border px-3 py-2 ${style.box}`}>
            <div className="mb-1">
              <RoleLabel message={message} className={style.label} />
            </div>
            <MessageBody message={message} />
          </li>
        );
      })}
    </ol>
  );
}
