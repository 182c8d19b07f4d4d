import type { Cell, SectionTable } from "@/lib/dashboards/section-table";

const MAX_ROWS = 200;

function show(cell: Cell): string {
  if (cell === null) return "—";
  if (typeof cell === "number") return Number.isInteger(cell) ? cell.toLocaleString("en-US") : String(Math.round(cell * 1e4) / 1e4);
  return cell;
}

/** A chart's numbers as an HTML table (the first 200 rows; the CSV has them all). */
export function DataTable({ table, caption }: { table: SectionTable; caption: string }) {
  const rows = table.rows.slice(0, MAX_ROWS);
  return (
    <div className="max-h-80 overflow-auto rounded border border-zinc-200">
      <table className="w-full text-left text-xs">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-zinc-50 text-zinc-500">
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col" className="px-2 py-1 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 font-mono text-zinc-800">
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c} className={`px-2 py-1 ${typeof cell === "number" ? "text-right" : ""} max-w-xs truncate`}>
                  {show(cell)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.rows.length > MAX_ROWS ? (
        <p className="px-2 py-1 text-xs text-zinc-500">First {MAX_ROWS} of {table.rows.length.toLocaleString("en-US")} rows: the CSV has them all.</p>
      ) : null}
    </div>
  );
}
