"use client";

import Link from "next/link";
import { useParams, useSearchParams } from "next/navigation";

// not-found receives no props, so the project comes from the URL to offer the
// way back to that project's traces rather than to the projects list. With
// `?span=` in the URL the page checked the span too: offer the trace without it.
export default function TraceNotFound() {
  const { projectName, traceId } = useParams<{ projectName: string; traceId: string }>();
  const spanId = useSearchParams().get("span");
  const traces = `/projects/${projectName}/traces`;
  const button = "mt-6 inline-block rounded px-3 py-1.5";
  return (
    <div className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="font-mono text-sm text-indigo-600">404</p>
      <h1 className="mt-2 text-xl font-semibold">{spanId ? "Span not found" : "Trace not found"}</h1>
      <p className="mt-2 text-zinc-500">
        {spanId
          ? "This trace has no span with that id, or the trace itself is not here."
          : "This project has no trace with that id. It may not have been ingested yet."}
      </p>
      <div className="flex justify-center gap-3">
        {spanId ? (
          // A full load: a client navigation within the same path keeps the 404 boundary up.
          <a href={`${traces}/${traceId}`} className={`${button} bg-indigo-600 text-white hover:bg-indigo-700`}>
            Open the trace
          </a>
        ) : null}
        <Link href={traces} className={`${button} ${spanId ? "border border-zinc-300 text-zinc-700 hover:bg-zinc-50" : "bg-indigo-600 text-white hover:bg-indigo-700"}`}>
          Back to traces
        </Link>
      </div>
    </div>
  );
}
