import { formatDuration } from "@/lib/spans/format";
import type { SpanEvent } from "@/lib/spans/span-events";

// Events with their offset from the span start; exceptions lead with type and
// message, the stack trace folded because it is long and rarely read first.
export function SpanEventsList({ events, spanStart }: { events: SpanEvent[]; spanStart: Date }) {
  if (events.length === 0) return <p className="px-4 py-3 text-[12px] text-zinc-400">No events.</p>;
  return (
    <ol className="divide-y divide-zinc-100">
      {events.map((event, index) => (
        <li key={index} className="px-4 py-2">
          <div className="flex items-baseline gap-2 text-[12px]">
            <span className={`font-mono font-semibold ${event.exception ? "text-red-700" : "text-zinc-800"}`}>{event.name}</span>
            {event.timestamp && (
              <span className="ml-auto font-mono text-[11px] text-zinc-400">
                +{formatDuration(event.timestamp.getTime() - spanStart.getTime())}
              </span>
            )}
          </div>
          {event.exception ? (
            <div className="mt-1 rounded border border-red-200 bg-red-50 px-2 py-1.5 text-[12px]">
              <p className="font-mono text-red-800">
                <span className="font-semibold">{event.exception.type ?? "Exception"}</span>
                {event.exception.message && <span>: {event.exception.message}</span>}
              </p>
              {event.exception.stacktrace && (
                <details className="mt-1">
                  <summary className="cursor-pointer text-[11px] text-red-700">stack trace</summary>
                  <pre className="mt-1 overflow-x-auto font-mono text-[11px] leading-4 whitespace-pre text-red-900">
                    {event.exception.stacktrace}
                  </pre>
                </details>
              )}
            </div>
          ) : (
            Object.keys(event.attributes).length > 0 && (
              <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 font-mono text-[11px]">
                {Object.entries(event.attributes).map(([key, value]) => (
                  <div key={key} className="contents">
                    <dt className="text-zinc-500">{key}</dt>
                    <dd className="break-all text-zinc-800">{typeof value === "string" ? value : JSON.stringify(value)}</dd>
                  </div>
                ))}
              </dl>
            )
          )}
        </li>
      ))}
    </ol>
  );
}
