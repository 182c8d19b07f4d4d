import Link from "next/link";
import { ListTable } from "@/components/ui/list-table";
import { formatDateTime, formatDuration, truncate } from "@/lib/format";
import type { ReviewRubric } from "@/lib/review/rubric-values";
import type { SessionListRow } from "@/lib/sessions/list-sessions";
import { paths } from "@/lib/url";
import { SelectRowCell } from "@/components/queues/queue-selection";

// "3.5 · 2 ratings", "satisfied ×2, unhappy · 3 ratings", or "—".
function Satisfaction({ row, rubric }: { row: SessionListRow; rubric: ReviewRubric }) {
  if (row.ratingCount === 0) return <span className="text-zinc-400">—</span>;
  const counts = new Map<string, number>();
  for (const label of row.labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const labels = [...counts].map(([label, n]) => (n > 1 ? `${label} ×${n}` : label)).join(", ");
  const value = rubric.type === "CATEGORICAL" && labels ? labels : row.meanScore !== null ? row.meanScore.toFixed(1).replace(/\.0$/, "") : labels;
  return (
    <span>
      <span className="font-medium text-zinc-800">{value || "rated"}</span>
      <span className="text-xs text-zinc-500"> · {row.ratingCount} {row.ratingCount === 1 ? "rating" : "ratings"}</span>
    </span>
  );
}

// `selectable`: a checkbox per row, for "Add N selected to a queue" (inside a QueueSelection).
export function SessionsTable({ projectName, rows, rubric, selectable = false }: { projectName: string; rows: SessionListRow[]; rubric: ReviewRubric | null; selectable?: boolean }) {
  const columns = [
    ...(selectable ? [{ label: "", className: "w-10" }] : []),
    { label: "Session", className: "w-56" },
    { label: "First message" },
    { label: "Turns", className: "w-16 text-right" },
    ...(rubric ? [{ label: rubric.name === "user_satisfaction" ? "Satisfaction" : rubric.name, className: "w-44" }] : []),
    { label: "Started (UTC)", className: "w-40" },
    { label: "Duration", className: "w-24 text-right" },
  ];
  return (
    <ListTable columns={columns} fixed>
      {rows.map((session) => (
        <tr key={session.id} className="align-top hover:bg-indigo-50/40">
          {selectable ? <SelectRowCell id={session.id} label={`session ${session.sessionId}`} /> : null}
          <td className="truncate px-3 py-2 font-mono text-xs">
            <Link href={paths.session(projectName, session.sessionId)} className="text-indigo-700 hover:underline">
              {session.sessionId}
            </Link>
            {session.userId ? <p className="text-zinc-400">user {session.userId}</p> : null}
          </td>
          <td className="px-3 py-2 text-zinc-700">
            <p className="line-clamp-2">{truncate(session.firstInput, 240)}</p>
          </td>
          <td className="px-3 py-2 text-right tabular-nums">{session.traceCount}</td>
          {rubric ? (
            <td className="px-3 py-2 tabular-nums" data-testid="satisfaction">
              <Satisfaction row={session} rubric={rubric} />
            </td>
          ) : null}
          <td className="px-3 py-2 font-mono text-xs text-zinc-500">{formatDateTime(session.startTime)}</td>
          <td className="px-3 py-2 text-right tabular-nums">{formatDuration(session.endTime.getTime() - session.startTime.getTime())}</td>
        </tr>
      ))}
    </ListTable>
  );
}
