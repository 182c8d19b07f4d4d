import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { requirePageActor } from "@/lib/auth/current-actor";
import type { Actor } from "@/lib/auth/permissions";
import { TraceWorkspace } from "@/components/review/trace-workspace";
import { TraceHeader } from "@/components/trace/trace-header";
import { parseSpanTab, type SpanTab } from "@/components/trace/trace-links";
import { TraceSkeleton } from "@/components/trace/trace-skeleton";
import { getTraceDetail } from "@/lib/traces/get-trace-detail";
import { lookUpTrace } from "@/lib/traces/trace-lookup";
import { findProjectByName } from "@/lib/projects/projects";
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
  if ((await lookUpTrace(name, traceId, spanId)) !== "found") notFound();
  return (
    <Suspense fallback={<TraceSkeleton />}>
      <TraceContent actor={actor} projectName={name} traceId={traceId} spanId={spanId} tab={parseSpanTab(query.tab)} />
    </Suspense>
  );
}

async function TraceContent({ actor, projectName, traceId, spanId, tab }: { actor: Actor; projectName: string; traceId: string; spanId: string | undefined; tab: SpanTab }) {
  const [project, detail] = await Promise.all([findProjectByName(projectName), getTraceDetail(projectName, traceId)]);
  // Deleted between the look-up and now: the rare case that still 404s in a 200.
  if (!project || !detail) notFound();
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
