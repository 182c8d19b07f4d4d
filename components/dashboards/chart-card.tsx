import { useId } from "react";
import type { SectionTable } from "@/lib/dashboards/section-table";
import { DataTable } from "./data-table";

export type DataLinks = { csv: string; json: string };

/**
 * One chart (or list) with its numbers one click away: a Table toggle with the
 * same numbers, and the CSV and JSON of its data URL. The caption names the figure.
 */
export function ChartCard({
  title,
  description,
  table,
  links,
  children,
  className = "",
}: {
  title: string;
  description?: React.ReactNode;
  table: SectionTable;
  links: DataLinks;
  children: React.ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <figure aria-labelledby={id} className={`min-w-0 rounded-lg border border-zinc-200 bg-white p-3 ${className}`}>
      <figcaption id={id} className="mb-2">
        <span className="text-sm font-medium text-zinc-900">{title}</span>
        {description ? <span className="block text-xs text-zinc-500">{description}</span> : null}
      </figcaption>
      {children}
      <DataFooter title={title} table={table} links={links} />
    </figure>
  );
}

export function DataFooter({ title, table, links }: { title: string; table: SectionTable; links: DataLinks }) {
  return (
    <div className="relative mt-2 text-xs">
      <div className="absolute right-0 top-0.5 flex gap-3">
        <a href={links.csv} className="text-indigo-700 underline hover:text-indigo-900" aria-label={`${title}: CSV`}>
          CSV
        </a>
        <a href={links.json} className="text-indigo-700 underline hover:text-indigo-900" aria-label={`${title}: JSON`}>
          JSON
        </a>
      </div>
      <details className="group">
        <summary className="inline-block cursor-pointer rounded border border-zinc-300 px-1.5 py-0.5 font-medium text-zinc-700 hover:bg-zinc-50">
          <span className="group-open:hidden">Table</span>
          <span className="hidden group-open:inline">Hide table</span>
        </summary>
        <div className="mt-2">
          <DataTable table={table} caption={title} />
        </div>
      </details>
    </div>
  );
}

export function NoData({ children }: { children: React.ReactNode }) {
  return <p className="grid h-32 place-items-center rounded border border-dashed border-zinc-200 text-sm text-zinc-500">{children}</p>;
}
