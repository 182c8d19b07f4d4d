import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/current-actor";
import { SpanDetail } from "@/components/trace/span-detail";
import { SpanTree } from "@/components/trace/span-tree";
import { TraceHeader } from "@/components/trace/trace-header";
import { parseSpanTab } from "@/components/trace/trace-links";
import { getTraceDetail } from "@/lib/traces/get-trace-detail";
import { spanTreeRows } from "@/lib/traces/span-tree";
import { paths } from "@/lib/url";

type Params = Promise<{ projectName: string; traceId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// A malformed escape (`%E0`) in a hand-typed URL should 404, not crash.
function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { traceId } = await params;
  return { title: `Trace ${traceId.slice(0, 8)}` };
}

// Reads the database on every request (params and searchParams are dynamic),
// so it is never prerendered.
export default async function TracePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  // Every role may read a trace; the check is here, not only in proxy.ts.
  await requirePageActor();
  const [{ projectName, traceId }, query] = await Promise.all([params, searchParams]);
  const project = decode(projectName);
  if (project === null || !/^[0-9a-fA-F]{32}$/.test(traceId)) notFound();
  const detail = await getTraceDetail(project, traceId);
  if (!detail) notFound();
  const { trace, spans } = detail;

  const rows = spanTreeRows(spans);
  const requested = typeof query.span === "string" ? query.span : undefined;
  // An unknown ?span= falls back to the root rather than 404ing a good trace.
  const selected = spans.find((span) => span.spanId === requested) ?? rows[0]?.span;
  const tab = parseSpanTab(query.tab);
  const tracePathname = paths.trace(trace.projectName, trace.traceId);
  // Late or clock-skewed spans may fall outside the trace row's bounds.
  let start = trace.startTime.getTime();
  let end = trace.endTime.getTime();
  for (const span of spans) {
    start = Math.min(start, span.startTime.getTime());
    end = Math.max(end, span.endTime.getTime());
  }

  return (
    <div>
      <TraceHeader trace={trace} />
      <div className="grid grid-cols-[minmax(18rem,26rem)_minmax(0,1fr)] items-start xl:grid-cols-[minmax(20rem,28rem)_minmax(0,1fr)_20rem]">
        <nav aria-label="Span tree" className="sticky top-11 h-[calc(100vh-2.75rem)] overflow-y-auto border-r border-zinc-200 bg-white">
          <SpanTree
            spans={spans}
            selectedSpanId={selected?.spanId ?? ""}
            tab={tab}
            traceStart={new Date(start)}
            traceEnd={new Date(end)}
            tracePathname={tracePathname}
          />
        </nav>
        <div className="min-h-[calc(100vh-2.75rem)] min-w-0 bg-white">
          {selected ? (
            <SpanDetail span={selected} tab={tab} traceStart={new Date(start)} tracePathname={tracePathname} />
          ) : (
            <p className="px-4 py-6 text-[13px] text-zinc-500">This trace has no spans yet.</p>
          )}
        </div>
        {/* Reserved for the review panel (rubric forms, annotations, notes). */}
        <aside aria-label="Review" className="sticky top-11 hidden h-[calc(100vh-2.75rem)] border-l border-zinc-200 bg-zinc-50 xl:block" />
      </div>
    </div>
  );
}
