import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { requirePageActor } from "@/lib/auth/current-actor";
import type { Actor } from "@/lib/auth/permissions";
import { TraceWorkspace } from "@/components/review/trace-workspace";
import { TraceHeader } from "@/components/trace/trace-header";
import { parseSpanTab, type SpanTab } from "@/components/trace/trace-links";
import { TraceSkeleton } from "@/components/trace/trace-skeleton";
import { getTraceDetail, type TraceDetail } from "@/lib/traces/get-trace-detail";
import { findProjectByName, type ProjectRef } from "@/lib/projects/projects";
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
  const actor = await requirePageActor();
  const [{ projectName, traceId }, query] = await Promise.all([params, searchParams]);
  const name = decode(projectName);
  if (name === null || !/^[0-9a-fA-F]{32}$/.test(traceId)) notFound();
  const spanId = typeof query.span === "string" ? query.span : undefined;
  // Before anything streams: once the skeleton is sent, the status is 200 for good.
  // The trace with its spans is the look-up (one read, not a probe and then the
  // same rows again); the project comes from the layout's cached look-up.
  const [project, detail] = await Promise.all([findProjectByName(name), getTraceDetail(name, traceId)]);
  if (!project || !detail || (spanId !== undefined && !detail.spans.some((span) => span.spanId === spanId))) notFound();
  return (
    <Suspense fallback={<TraceSkeleton />}>
      <TraceContent actor={actor} project={project} detail={detail} spanId={spanId} tab={parseSpanTab(query.tab)} />
    </Suspense>
  );
}

// Streams behind the skeleton: the review panel's reads (rubrics, annotations, notes).
function TraceContent({ actor, project, detail, spanId, tab }: { actor: Actor; project: ProjectRef; detail: TraceDetail; spanId: string | undefined; tab: SpanTab }) {
  return (
    <div>
      <TraceHeader trace={detail.trace} />
      <TraceWorkspace
        actor={actor}
        project={project}
        detail={detail}
        requestedSpanId={spanId}
        tab={tab}
        basePath={paths.trace(detail.trace.projectName, detail.trace.traceId)}
      />
    </div>
  );
}
