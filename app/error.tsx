"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-24 text-center" role="alert">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-zinc-500">{error.digest ? `Error reference ${error.digest}.` : error.message}</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-indigo-600 px-3 py-1.5 text-white hover:bg-indigo-700">
        Try again
      </button>
    </div>
  );
}
