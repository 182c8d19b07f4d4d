import Link from "next/link";
import { paths } from "@/lib/url";

export type FinishedItem = { itemId: number; targetId: number; status: "DONE" | "SKIPPED"; label: string };

/** The items I finished or skipped in this queue (most recent first, numbered from my first), to go back and change my answers. */
export function WorkFinishedMenu({ project, queueId, items, current }: { project: string; queueId: number; items: FinishedItem[]; current?: number }) {
  if (items.length === 0) return null;
  return (
    <details className="relative text-xs">
      <summary className="cursor-pointer rounded border border-zinc-300 bg-white px-2.5 py-1 hover:bg-zinc-50">My finished items ({items.length})</summary>
      <ol aria-label="My finished items" className="absolute right-0 z-20 mt-1 max-h-72 w-72 overflow-y-auto rounded border border-zinc-200 bg-white py-1 shadow-lg">
        {items.map((entry, index) => (
          <li key={entry.itemId}>
            <Link
              href={paths.queueWork(project, queueId, entry.itemId)}
              aria-current={entry.itemId === current ? "page" : undefined}
              className="flex justify-between gap-2 px-3 py-1 hover:bg-zinc-50 aria-[current=page]:font-semibold"
            >
              <span className="truncate">
                {items.length - index}. {entry.label}
              </span>
              <span className="text-zinc-500">{entry.status === "DONE" ? "done" : "skipped"}</span>
            </Link>
          </li>
        ))}
      </ol>
    </details>
  );
}
