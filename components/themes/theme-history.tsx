import { formatDateTime } from "@/lib/format";
import { describeEvent } from "@/lib/themes/describe-theme-event";
import type { ThemeEventView } from "@/lib/themes/theme-summaries";

export function ThemeHistory({ events }: { events: ThemeEventView[] }) {
  return (
    <section aria-labelledby="theme-history" className="space-y-2">
      <h2 id="theme-history" className="text-sm font-semibold text-zinc-900">
        History
      </h2>
      <ol className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white text-sm">
        {events.map((event) => (
          <li key={event.id} className="flex items-baseline justify-between gap-3 px-3 py-1.5">
            <span>
              <span className="font-medium text-zinc-900">{event.actorName ?? "Someone"}</span> {describeEvent(event)}
            </span>
            <time dateTime={event.at.toISOString()} className="shrink-0 font-mono text-xs text-zinc-500">
              {formatDateTime(event.at)}
            </time>
          </li>
        ))}
      </ol>
    </section>
  );
}
