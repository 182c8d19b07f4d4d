import type { Metadata } from "next";
import { ListTable } from "@/components/ui/list-table";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/current-actor";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { formatDateTime, formatDuration, truncate } from "@/lib/format";
import { findProjectByName } from "@/lib/projects/projects";
import type { RawSearchParams } from "@/lib/search-params";
import { parseSessionFilters } from "@/lib/sessions/session-filters";
import { listSessions } from "@/lib/sessions/sessions";
import { flatParams, paths } from "@/lib/url";

const sessionColumns = [
  { label: "Session", className: "w-56" },
  { label: "First message" },
  { label: "Turns", className: "w-20 text-right" },
  { label: "Started (UTC)", className: "w-40" },
  { label: "Duration", className: "w-24 text-right" },
];

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectName: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  await requirePageActor();
  const [{ projectName }, rawParams] = await Promise.all([params, searchParams]);
  const project = await findProjectByName(decodeURIComponent(projectName));
  if (!project) notFound();
  const page = await listSessions(project.id, parseSessionFilters(rawParams));
  if (page.rows.length === 0) {
    return (
      <div className="px-4 py-4">
        <EmptyState title="No sessions">Spans with a <code className="font-mono">session.id</code> attribute group into sessions.</EmptyState>
      </div>
    );
  }
  return (
    <div className="px-4 py-4">
      <ListTable columns={sessionColumns} fixed>
            {page.rows.map((session) => (
              <tr key={session.id} className="align-top hover:bg-indigo-50/40">
                <td className="truncate px-3 py-2 font-mono text-xs">
                  <Link href={paths.session(project.name, session.sessionId)} className="text-indigo-700 hover:underline">
                    {session.sessionId}
                  </Link>
                  {session.userId ? <p className="text-zinc-400">user {session.userId}</p> : null}
                </td>
                <td className="px-3 py-2 text-zinc-700">
                  <p className="line-clamp-2">{truncate(session.firstInput, 240)}</p>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{session.traceCount}</td>
                <td className="px-3 py-2 font-mono text-xs text-zinc-500">{formatDateTime(session.startTime)}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {formatDuration(session.endTime.getTime() - session.startTime.getTime())}
                </td>
              </tr>
            ))}
          </ListTable>
      <Pager basePath={paths.sessions(project.name)} params={flatParams(rawParams)} nextCursor={page.nextCursor} shown={page.rows.length} />
    </div>
  );
}
