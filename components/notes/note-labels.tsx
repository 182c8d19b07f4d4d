import type { NoteView } from "./note-view";

// The labels and scores reviewers gave on the note's target, as the reader may see them.
export function NoteLabels({ labels }: { labels: NoteView["labels"] }) {
  if (labels.length === 0) return null;
  return (
    <ul aria-label="Labels on the same target" className="flex flex-wrap gap-1">
      {labels.map((item, index) => (
        <li
          key={index}
          title={item.userName ? `by ${item.userName}` : undefined}
          className="rounded bg-zinc-100 px-1.5 py-px text-[11px] text-zinc-600 ring-1 ring-zinc-200 ring-inset"
        >
          <span className="text-zinc-500">{item.name}:</span>{" "}
          <span className="font-medium text-zinc-800">{item.label ?? item.score ?? "—"}</span>
        </li>
      ))}
    </ul>
  );
}
