"use client";

import Link from "next/link";
import { useState } from "react";
import { ListTable } from "@/components/ui/list-table";
import { formatNumber, truncate } from "@/lib/format";
import type { ThemeSummary } from "@/lib/themes/theme-types";
import { paths } from "@/lib/url";
import { MergePairDialog, type MergeCandidate } from "./merge-dialogs";
import { buttonClass } from "./modal";
import { PromoteDialog } from "./promote-dialog";

const percent = (share: number) => `${(share * 100).toFixed(share > 0 && share < 0.1 ? 1 : 0)}%`;

/** The project's themes; leads select some to promote or merge them. */
export function ThemesTable({ projectId, projectName, themes, manage }: { projectId: number; projectName: string; themes: ThemeSummary[]; manage: boolean }) {
  const [selected, setSelected] = useState<number[]>([]);
  const [dialog, setDialog] = useState<"promote" | "merge" | null>(null);
  const [status, setStatus] = useState("");
  // Selection survives a refresh only for themes that still exist (a merge removes one).
  const chosen = themes.filter((theme) => selected.includes(theme.id));
  const toggle = (id: number, on: boolean) => setSelected((ids) => (on ? [...ids, id] : ids.filter((other) => other !== id)));
  const columns = [
    ...(manage ? [{ label: "", className: "w-8" }] : []),
    { label: "Theme" }, { label: "Notes", className: "text-right" }, { label: "Traces", className: "text-right" },
    { label: "Sessions", className: "text-right" }, { label: "Of reviewed traces", className: "text-right" }, { label: "Rubrics" },
  ];
  const pair = chosen.length === 2 ? (chosen.map(({ id, name, noteCount }) => ({ id, name, noteCount })) as [MergeCandidate, MergeCandidate]) : null;

  return (
    <div className="space-y-2">
      {manage ? (
        <div role="toolbar" aria-label="Selected themes" className="flex items-center gap-2 text-sm">
          <span className="text-zinc-500">{chosen.length === 0 ? "Select themes to promote or merge them." : `${chosen.length} selected`}</span>
          <button type="button" className={buttonClass.secondary} disabled={chosen.length === 0} onClick={() => setDialog("promote")}>
            Promote to rubric…
          </button>
          <button
            type="button"
            className={buttonClass.secondary}
            disabled={!pair}
            title={pair ? undefined : "Select exactly two themes to merge them"}
            onClick={() => setDialog("merge")}
          >
            Merge…
          </button>
          <p role="status" aria-live="polite" className="text-emerald-700">
            {status}
          </p>
        </div>
      ) : null}
      <ListTable columns={columns}>
        {themes.map((theme) => (
          <tr key={theme.id} className={selected.includes(theme.id) ? "bg-indigo-50/60" : undefined}>
            {manage ? (
              <td className="px-3 py-2 align-top">
                <input
                  type="checkbox"
                  aria-label={`Select ${theme.name}`}
                  checked={selected.includes(theme.id)}
                  onChange={(event) => toggle(theme.id, event.target.checked)}
                />
              </td>
            ) : null}
            <td className="max-w-md px-3 py-2 align-top">
              <Link href={paths.theme(projectName, theme.id)} className="font-medium text-indigo-700 hover:underline">
                {theme.name}
              </Link>
              {theme.description ? <p className="text-xs text-zinc-500">{truncate(theme.description, 120)}</p> : null}
            </td>
            <td className="px-3 py-2 text-right align-top tabular-nums">{formatNumber(theme.noteCount)}</td>
            <td className="px-3 py-2 text-right align-top tabular-nums">
              {theme.traceCount > 0 ? (
                <Link href={paths.themeTraces(projectName, theme.id)} className="text-indigo-700 hover:underline" aria-label={`${theme.traceCount} traces of ${theme.name}`}>
                  {formatNumber(theme.traceCount)}
                </Link>
              ) : (
                0
              )}
            </td>
            <td className="px-3 py-2 text-right align-top tabular-nums">{formatNumber(theme.sessionCount)}</td>
            <td className="px-3 py-2 text-right align-top tabular-nums">{percent(theme.reviewedTraceShare)}</td>
            <td className="px-3 py-2 align-top text-xs">
              {theme.rubrics.length === 0
                ? "—"
                : theme.rubrics.map((rubric, index) => (
                    <span key={rubric.id}>
                      {index > 0 ? ", " : null}
                      {manage ? (
                        <Link href={`/rubrics/${rubric.id}`} className="text-indigo-700 hover:underline">
                          {rubric.name}
                        </Link>
                      ) : (
                        rubric.name
                      )}
                    </span>
                  ))}
            </td>
          </tr>
        ))}
      </ListTable>
      {manage && chosen.length > 0 ? (
        <PromoteDialog projectId={projectId} themes={chosen} open={dialog === "promote"} onClose={() => setDialog(null)} />
      ) : null}
      {manage && pair ? (
        <MergePairDialog
          projectName={projectName}
          pair={pair}
          open={dialog === "merge"}
          onClose={() => setDialog(null)}
          onMerged={(message) => {
            setDialog(null);
            setSelected([]);
            setStatus(message);
          }}
        />
      ) : null}
    </div>
  );
}
