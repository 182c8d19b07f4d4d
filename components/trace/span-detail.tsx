import Link from "next/link";
import { spanEvents } from "@/lib/spans/span-events";
import type { TraceSpan } from "@/lib/traces/get-trace-detail";
import { AttributesTable } from "./attributes-table";
import { SpanDetailHeader } from "./span-detail-header";
import { SpanEventsList } from "./span-events-list";
import { SpanIo } from "./span-io";
import { spanHref, spanTabs, type SpanTab } from "./trace-links";

// The selected span. Tabs are plain links (the tab is in the URL), so they
// work before hydration and keep their place when the reviewer shares a link.
export function SpanDetail({
  span,
  tab,
  traceStart,
  tracePathname,
  documentControls,
}: {
  documentControls?: Record<number, React.ReactNode>;
  span: TraceSpan;
  tab: SpanTab;
  traceStart: Date;
  tracePathname: string;
}) {
  const events = spanEvents(span.events);
  const counts: Record<SpanTab, number | null> = {
    io: null,
    attributes: Object.keys(span.attributes).length,
    events: events.length,
  };

  return (
    <article aria-label={`Span ${span.name}`} className="min-h-full bg-white">
      <SpanDetailHeader span={span} traceStart={traceStart} />
      <nav aria-label="Span sections" className="sticky top-11 z-10 flex gap-1 border-b border-zinc-200 bg-white px-3">
        {spanTabs.map(({ id, label }) => (
          <Link
            key={id}
            href={spanHref(tracePathname, span.spanId, id)}
            replace
            scroll={false}
            prefetch={false}
            aria-current={id === tab ? "page" : undefined}
            className={`-mb-px border-b-2 px-2 py-1.5 text-[12px] font-medium ${
              id === tab ? "border-indigo-600 text-indigo-700" : "border-transparent text-zinc-500 hover:text-zinc-800"
            }`}
          >
            {label}
            {counts[id] !== null && <span className="ml-1 text-zinc-400">{counts[id]}</span>}
          </Link>
        ))}
      </nav>
      {tab === "io" && <SpanIo span={span} documentControls={documentControls} />}
      {tab === "attributes" && <AttributesTable attributes={span.attributes} />}
      {tab === "events" && <SpanEventsList events={events} spanStart={span.startTime} />}
    </article>
  );
}
