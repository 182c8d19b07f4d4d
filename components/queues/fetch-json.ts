// The polling routes' answers; a failed poll throws so TanStack Query keeps the last data and retries.
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

// Dates arrive as ISO strings from JSON and as Dates from the server render.
export const dateOnly = (value: Date | string | null) => (value ? new Date(value).toISOString().slice(0, 10) : null);

export const queuesApi = (projectName: string) => `/api/projects/${encodeURIComponent(projectName)}/queues`;

export const POLL_MS = 4_000;
