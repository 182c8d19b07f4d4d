// Paths of the app's pages, built in one place.
const seg = encodeURIComponent;

export const paths = {
  project: (project: string) => `/projects/${seg(project)}`,
  traces: (project: string) => `/projects/${seg(project)}/traces`,
  trace: (project: string, traceId: string, spanId?: string) =>
    `/projects/${seg(project)}/traces/${traceId}${spanId ? `?span=${spanId}` : ""}`,
  spans: (project: string) => `/projects/${seg(project)}/spans`,
  review: (project: string) => `/projects/${seg(project)}/review`,
  sessions: (project: string) => `/projects/${seg(project)}/sessions`,
  session: (project: string, sessionId: string) => `/projects/${seg(project)}/sessions/${seg(sessionId)}`,
  notes: (project: string) => `/projects/${seg(project)}/notes`,
  themes: (project: string) => `/projects/${seg(project)}/themes`,
  theme: (project: string, themeId: number) => `/projects/${seg(project)}/themes/${themeId}`,
  suggestGroups: (project: string) => `/projects/${seg(project)}/themes/suggest`,
  themeTraces: (project: string, themeId: number) => `/projects/${seg(project)}/traces?theme=${themeId}`,
  themeNotes: (project: string, themeId: number) => `/projects/${seg(project)}/notes?theme=${themeId}`,
  queues: (project: string) => `/projects/${seg(project)}/queues`,
  // `query`: the list's filters to fill it from (`from=traces|spans|sessions&…`), or selected rows (`ids=1,2,3`).
  newQueue: (project: string, query?: string) => `/projects/${seg(project)}/queues/new${query ? `?${query}` : ""}`,
  queue: (project: string, queueId: number) => `/projects/${seg(project)}/queues/${queueId}`,
  // Review mode bound to a queue: `item` is the queue item on screen (claimed, or one of mine to revisit).
  queueWork: (project: string, queueId: number, itemId?: number) => `/projects/${seg(project)}/queues/${queueId}/work${itemId ? `?item=${itemId}` : ""}`,
  // Disagreements of a queue (`queue=<id>`) or of a rubric (`rubric=<name>`).
  adjudicate: (project: string, query?: string) => `/projects/${seg(project)}/adjudicate${query ? `?${query}` : ""}`,
  // Dashboards; `query`: their filters (lib/dashboards/dashboard-filters.ts).
  dashboards: (project: string, query?: string) => `/projects/${seg(project)}/dashboards${query ? `?${query}` : ""}`,
  // One chart's numbers (`section`: see lib/dashboards/dashboard-types.ts) as JSON, or CSV with `format=csv`.
  // Read with the browser session or an API key (README).
  dashboardData: (project: string, section: string, query?: string) =>
    `/api/projects/${seg(project)}/dashboards/${seg(section)}${query ? `?${query}` : ""}`,
  // Annotations and notes as a file: `format=csv|jsonl`, `form=long|wide`, plus the traces list's filters.
  exportFile: (project: string, query?: string) => `/api/projects/${seg(project)}/export${query ? `?${query}` : ""}`,
};

// Search params as plain strings (first value of a repeated key), for rebuilding links.
export function flatParams(raw: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

/** `path` with the current search params but `drop` (a filter chip's "remove" link). */
export function withoutParams(path: string, raw: Record<string, string | string[] | undefined>, drop: string[]): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(flatParams(raw))) if (value && !drop.includes(key)) params.set(key, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
