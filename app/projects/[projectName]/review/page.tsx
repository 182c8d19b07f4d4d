import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReviewNavigator } from "@/components/review/review-navigator";
import { TraceWorkspace } from "@/components/review/trace-workspace";
import { TraceHeader } from "@/components/trace/trace-header";
import { parseSpanTab } from "@/components/trace/trace-links";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/current-actor";
import { findProjectByName } from "@/lib/projects/projects";
import { reviewPosition, reviewQuery } from "@/lib/review/review-queue";
import type { RawSearchParams } from "@/lib/search-params";
import { getTraceDetail } from "@/lib/traces/get-trace-detail";
import { parseTraceFilters } from "@/lib/traces/trace-filters";
import { paths } from "@/lib/url";

export const metadata: Metadata = { title: "Review" };

const reviewShortcuts = [
  { keys: ["j", "→"], does: "Next trace (saves what is unsaved, without the label check of Enter)" },
  { keys: ["k", "←"], does: "Previous trace" },
];

// One trace per screen, in the order of the filtered list it was opened from.
// The position (trace and index) is in the URL, so a reload resumes.
export default async function ReviewPage({ params, searchParams }: { params: Promise<{ projectName: string }>; searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor();
  const [{ projectName }, raw] = await Promise.all([params, searchParams]);
  const project = await findProjectByName(decodeURIComponent(projectName));
  if (!project) notFound();
  const filters = parseTraceFilters(raw);
  const one = (key: string) => (typeof raw[key] === "string" ? (raw[key] as string) : undefined);
  const position = await reviewPosition(project.id, filters, actor.userId, { traceId: one("trace"), index: Number(one("i") ?? 0) });
  const query = reviewQuery(raw);
  const listHref = `${paths.traces(project.name)}${query ? `?${query}` : ""}`;
  if (!position.current) {
    return (
      <div className="px-4 py-8">
        <EmptyState title="Nothing to review">
          No trace matches these filters. <Link href={listHref} className="text-indigo-700 underline">Back to the list</Link>
        </EmptyState>
      </div>
    );
  }
  const at = (traceId: string, index: number) => `${paths.review(project.name)}?${new URLSearchParams([...new URLSearchParams(query), ["trace", traceId], ["i", String(index)]])}`;
  const detail = await getTraceDetail(project.name, position.current.traceId);
  if (!detail) notFound();
  return (
    <div>
      <ReviewNavigator
        previousHref={position.previous ? at(position.previous, position.index - 1) : null}
        nextHref={position.next ? at(position.next, position.index + 1) : null}
        listHref={listHref}
        position={position.index + 1}
        total={`${position.total}${position.capped ? "+" : ""}`}
        doneByMe={position.doneByMe}
      />
      <TraceHeader trace={detail.trace} />
      <TraceWorkspace
        key={detail.trace.traceId}
        actor={actor}
        project={project}
        detail={detail}
        requestedSpanId={one("span")}
        tab={parseSpanTab(raw.tab)}
        basePath={at(detail.trace.traceId, position.index)}
        shortcuts={reviewShortcuts}
      />
    </div>
  );
}
