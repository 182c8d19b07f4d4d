import type { JsonValue } from "@/lib/spans/json-text";

// A JSON value as an indented tree where every object and array folds with a
// native <details>, so it works without JavaScript and with the keyboard.
// Shallow levels start open; big arrays (embedding vectors) start closed.
// Fold styles use `details[open]>summary>` rather than Tailwind's `group-open`,
// which would also react to an open ancestor <details>.
const OPEN_DEPTH = 2;
const BIG = 20;

function Scalar({ value }: { value: JsonValue }) {
  if (value === null) return <span className="text-zinc-400">null</span>;
  if (typeof value === "string") return <span className="whitespace-pre-wrap break-words text-emerald-800">&quot;{value}&quot;</span>;
  if (typeof value === "number") return <span className="text-sky-700">{value}</span>;
  return <span className="text-violet-700">{String(value)}</span>;
}

function Entry({ name, value, depth }: { name: string | null; value: JsonValue; depth: number }) {
  const label = name === null ? null : <span className="text-zinc-500">{name}: </span>;
  if (value === null || typeof value !== "object") {
    return (
      <div className="pl-4 -indent-4">
        {label}
        <Scalar value={value} />
      </div>
    );
  }
  const entries: Array<[string, JsonValue]> = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) {
    return <div>{label}<span className="text-zinc-500">{open}{close}</span></div>;
  }
  const noun = Array.isArray(value) ? "item" : "key";
  const summary = `${entries.length} ${noun}${entries.length === 1 ? "" : "s"}`;
  return (
    <details open={depth < OPEN_DEPTH && entries.length <= BIG}>
      <summary className="cursor-pointer list-none marker:hidden hover:bg-zinc-100 [&::-webkit-details-marker]:hidden">
        <span aria-hidden className="inline-block w-3 text-zinc-400 [details[open]>summary>&]:rotate-90">›</span>
        {label}
        <span className="text-zinc-500">{open}</span>
        <span className="text-zinc-400 [details[open]>summary>&]:hidden"> {summary} {close}</span>
      </summary>
      <div className="ml-1.5 border-l border-zinc-200 pl-3">
        {entries.map(([key, item]) => (
          <Entry key={key} name={key} value={item} depth={depth + 1} />
        ))}
      </div>
      <span className="pl-3 text-zinc-500">{close}</span>
    </details>
  );
}

export function JsonView({ value }: { value: JsonValue }) {
  return (
    <div className="overflow-x-auto font-mono text-[12px] leading-5">
      <Entry name={null} value={value} depth={0} />
    </div>
  );
}
