import type { FlatAttributes } from "@/lib/spans/indexed-attributes";

function display(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

// Every attribute exactly as received, sorted so indexed keys group together.
// Long values scroll inside their cell instead of stretching the table.
export function AttributesTable({ attributes }: { attributes: FlatAttributes }) {
  const keys = Object.keys(attributes).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  if (keys.length === 0) return <p className="px-4 py-3 text-[12px] text-zinc-400">No attributes.</p>;
  return (
    <table className="w-full table-fixed border-collapse font-mono text-[12px]">
      <caption className="sr-only">Span attributes</caption>
      <colgroup>
        <col className="w-2/5" />
        <col />
      </colgroup>
      <tbody>
        {keys.map((key) => (
          <tr key={key} className="border-b border-zinc-100 align-top hover:bg-zinc-50">
            <th scope="row" className="px-4 py-1 text-left font-normal break-all text-zinc-500">
              {key}
            </th>
            <td className="px-2 py-1 text-zinc-900">
              <div className="max-h-40 overflow-y-auto whitespace-pre-wrap break-words">{display(attributes[key])}</div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
