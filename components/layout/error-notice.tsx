"use client";

import { useEffect, useState } from "react";

// Production hides a server error's message from the browser, so ask the
// server: while the database is down, the proxy answers this page with 503
// (lib/db/outage-response.ts), and the notice says so instead of "went wrong".
function useDatabaseOutage(): boolean {
  const [outage, setOutage] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    fetch(window.location.href, { method: "HEAD", cache: "no-store", signal: controller.signal })
      .then((response) => setOutage(response.status === 503))
      .catch(() => {});
    return () => controller.abort();
  }, []);
  return outage;
}

export function ErrorNotice({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const outage = useDatabaseOutage();
  return (
    <div className="mx-auto max-w-xl px-4 py-24 text-center" role="alert">
      <h1 className="text-xl font-semibold">{outage ? "Database unavailable" : "Something went wrong"}</h1>
      <p className="mt-2 text-zinc-500">
        {outage ? "The database is unavailable; try again shortly." : error.digest ? `Error reference ${error.digest}.` : error.message}
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-indigo-600 px-3 py-1.5 text-white hover:bg-indigo-700">
        Try again
      </button>
    </div>
  );
}
