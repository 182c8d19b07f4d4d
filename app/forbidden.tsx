import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="font-mono text-sm text-red-600">403</p>
      <h1 className="mt-2 text-xl font-semibold">Forbidden</h1>
      <p className="mt-2 text-zinc-500">Your role does not allow this page. Ask an admin if you need access.</p>
      <Link href="/" className="mt-6 inline-block rounded bg-indigo-600 px-3 py-1.5 text-white hover:bg-indigo-700">
        Back to projects
      </Link>
    </div>
  );
}
