// The dense table every list page uses: a bordered card, a sticky-looking
// header row from column definitions, and body rows given as children.
export type Column = { label: string; className?: string };

export function ListTable({ columns, children, fixed = false }: { columns: Column[]; children: React.ReactNode; fixed?: boolean }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
      <table className={`w-full text-left text-sm ${fixed ? "table-fixed" : ""}`}>
        <thead className="border-b border-zinc-200 bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500">
          <tr>
            {columns.map((column, index) => (
              <th key={index} className={`px-3 py-2 font-medium ${column.className ?? ""}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">{children}</tbody>
      </table>
    </div>
  );
}
