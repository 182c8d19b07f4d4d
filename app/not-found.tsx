import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="font-mono text-sm text-indigo-600">404</p>
      <h1 className="mt-2 text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-zinc-500">There is no project, trace, span or session at this address.</p>
      <Link href="/" className="mt-6 inline-block rounded bg-indigo-600 px-3 py-1.5 text-white hover:bg-indigo-700">
        Back to projects
      </Link>
    </div>
  );
}
