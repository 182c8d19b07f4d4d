import Link from "next/link";
import { paths } from "@/lib/url";

/** The reader's own finished (or skipped) items, each reopening the work screen to change the answers. */
export function MyFinishedItems({ projectName, queueId, items }: { projectName: string; queueId: number; items: { itemId: number; targetId: number; status: "DONE" | "SKIPPED" }[] }) {
  return (
    <section aria-labelledby="my-finished" className="space-y-2">
      <h2 id="my-finished" className="text-sm font-semibold text-zinc-900">
        Your finished items
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-zinc-500">None yet.</p>
      ) : (
        <ul className="flex flex-wrap gap-1.5">
          {items.map((item, n) => (
            <li key={item.itemId}>
              <Link
                href={paths.queueWork(projectName, queueId, item.itemId)}
                className={`inline-block rounded border px-2 py-0.5 text-xs hover:border-indigo-400 ${item.status === "DONE" ? "border-emerald-200 bg-emerald-50 text-emerald-800" : "border-zinc-200 bg-zinc-50 text-zinc-600"}`}
              >
                Item {n + 1} · {item.status === "DONE" ? "done" : "skipped"}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
