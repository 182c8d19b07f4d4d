import { exportLinks } from "@/lib/export/export-links";

/**
 * "Export ▾": download links for annotations and notes as CSV or JSONL, long
 * (one row per annotation) or wide (one row per target), carrying `query` — the
 * page's current filters as an export query string (lib/export/export-query.ts):
 * the traces list's query string, `queue=<id>`, or `dashboardExportQuery(filters)`.
 * A <details> menu: no client JavaScript, plain links the browser downloads.
 */
export function ExportMenu({ project, query }: { project: string; query: string }) {
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-50">
        Export ▾
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-64 rounded border border-zinc-200 bg-white p-1 text-sm shadow-lg">
        <p className="px-2 py-1 text-xs text-zinc-500">Annotations and notes, with these filters</p>
        <ul>
          {exportLinks(project, query).map((link) => (
            <li key={link.href}>
              <a href={link.href} download className="block rounded px-2 py-1 text-zinc-800 hover:bg-zinc-100">
                {link.title}
                <span className="block text-xs text-zinc-500">{link.description}</span>
              </a>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
