"use client";

import Link from "next/link";
import { useParams } from "next/navigation";

// not-found receives no props, so the project comes from the URL to offer the
// way back to that project's traces rather than to the projects list.
export default function TraceNotFound() {
  const { projectName } = useParams<{ projectName: string }>();
  return (
    <div className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="font-mono text-sm text-indigo-600">404</p>
      <h1 className="mt-2 text-xl font-semibold">Trace not found</h1>
      <p className="mt-2 text-zinc-500">This project has no trace with that id. It may not have been ingested yet.</p>
      <Link
        href={`/projects/${projectName}/traces`}
        className="mt-6 inline-block rounded bg-indigo-600 px-3 py-1.5 text-white hover:bg-indigo-700"
      >
        Back to traces
      </Link>
    </div>
  );
}
