"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const tabs = [
  { segment: "traces", label: "Traces" },
  { segment: "spans", label: "Spans" },
  { segment: "sessions", label: "Sessions" },
  { segment: "notes", label: "Notes" },
  { segment: "themes", label: "Themes" },
  { segment: "queues", label: "Queues" },
  { segment: "dashboards", label: "Dashboards" },
  { segment: "adjudicate", label: "Adjudicate" },
  { segment: "settings", label: "Settings" },
] as const;

// Settings and Adjudicate are for leads and admins (the layout says which the reader may open).
export function ProjectTabs({ projectName, showSettings, showAdjudicate = showSettings }: { projectName: string; showSettings: boolean; showAdjudicate?: boolean }) {
  const pathname = usePathname();
  const base = `/projects/${encodeURIComponent(projectName)}`;
  return (
    <nav aria-label="Project" className="flex gap-1">
      {tabs.filter((tab) => (showSettings || tab.segment !== "settings") && (showAdjudicate || tab.segment !== "adjudicate")).map((tab) => {
        const href = `${base}/${tab.segment}`;
        const active = pathname.startsWith(href);
        return (
          <Link
            key={tab.segment}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`border-b-2 px-3 py-2 text-sm ${
              active ? "border-indigo-600 font-medium text-zinc-900" : "border-transparent text-zinc-500 hover:text-zinc-800"
            }`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
