import { formatCount, formatDuration } from "@/lib/spans/format";
import { modelName, spanTags, tokenCounts } from "@/lib/spans/openinference";
import { spanExceptions } from "@/lib/spans/span-events";
import type { TraceSpan } from "@/lib/traces/get-trace-detail";
import { SpanKindBadge } from "@/components/ui/span-kind-badge";
import { StatusBadge } from "./status-badge";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex items-baseline gap-1">
      <dt className="text-zinc-400">{label}</dt>
      <dd className="font-mono text-zinc-800">{children}</dd>
    </div>
  );
}

export function SpanDetailHeader({ span, traceStart }: { span: TraceSpan; traceStart: Date }) {
  const model = modelName(span.attributes);
  const tokens = tokenCounts(span.attributes);
  const total = span.totalTokens ?? tokens.total;
  const tags = spanTags(span.attributes);
  const exception = spanExceptions(span.events)[0];
  const duration = span.endTime.getTime() - span.startTime.getTime();
  // An error span may carry its reason in the status message, an exception event, or both.
  const errorText = span.statusMessage || (exception ? [exception.type, exception.message].filter(Boolean).join(": ") : "");

  return (
    <header className="border-b border-zinc-200 bg-white px-4 pt-3 pb-2">
      <div className="flex min-w-0 items-center gap-2">
        <SpanKindBadge kind={span.spanKind} />
        <h2 className="truncate text-[15px] font-semibold text-zinc-900" title={span.name}>
          {span.name}
        </h2>
        <StatusBadge status={span.statusCode} />
      </div>
      <dl className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-[12px]">
        <Fact label="duration">{formatDuration(duration)}</Fact>
        <Fact label="start">+{formatDuration(span.startTime.getTime() - traceStart.getTime())}</Fact>
        {model && <Fact label="model">{model}</Fact>}
        {total !== null && (
          <Fact label="tokens">
            {formatCount(total)}
            {(span.promptTokens ?? tokens.prompt) !== null && (
              <span className="text-zinc-400">
                {" "}({formatCount(span.promptTokens ?? tokens.prompt ?? 0)} in · {formatCount(span.completionTokens ?? tokens.completion ?? 0)} out)
              </span>
            )}
          </Fact>
        )}
        <Fact label="span">{span.spanId}</Fact>
      </dl>
      {tags.length > 0 && (
        <ul className="mt-1.5 flex flex-wrap gap-1" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag} className="rounded bg-zinc-100 px-1.5 text-[11px] text-zinc-600">
              {tag}
            </li>
          ))}
        </ul>
      )}
      {span.statusCode === "ERROR" && errorText && (
        <p className="mt-2 rounded border border-red-200 bg-red-50 px-2 py-1 font-mono text-[12px] break-words text-red-800">{errorText}</p>
      )}
    </header>
  );
}
