"use client";

import { useState } from "react";
import type { SuggestedGroup, ThemeRef } from "@/lib/themes/theme-types";
import { SuggestedGroupCard } from "./suggested-group-card";

// The groups "Suggest groups" proposed. A group the lead acted on leaves the
// list at once (by its key, which is stable for the same notes, so it stays
// gone when the page re-renders after the action), and the status says what happened.
export function SuggestedGroups({ projectId, summary, groups, themes, llm }: {
  projectId: number; summary: string; groups: SuggestedGroup[]; themes: ThemeRef[]; llm: boolean;
}) {
  const [gone, setGone] = useState<string[]>([]);
  const [status, setStatus] = useState("");
  const shown = groups.filter((group) => !gone.includes(group.key));
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 text-sm">
        <p className="text-zinc-600">{summary}</p>
        <p role="status" aria-live="polite" className="text-emerald-700">
          {status}
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-8 text-center text-zinc-500">
          {groups.length === 0 ? "No groups at this threshold: lower it to group less similar notes." : "Every suggested group is handled."}
        </p>
      ) : (
        <ol aria-label="Suggested groups" className="space-y-3">
          {shown.map((group) => (
            <SuggestedGroupCard
              key={group.key}
              projectId={projectId}
              group={group}
              themes={themes}
              llm={llm}
              onDone={(message) => {
                setGone((keys) => [...keys, group.key]);
                setStatus(message);
              }}
            />
          ))}
        </ol>
      )}
    </div>
  );
}
