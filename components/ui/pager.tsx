import Link from "next/link";

// Keyset pager: "Next" carries the cursor; going back restarts from the first page.
export function Pager({
  basePath,
  params,
  nextCursor,
  shown,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  nextCursor: string | null;
  shown: number;
}) {
  const query = (cursor?: string) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value && key !== "cursor") search.set(key, value);
    if (cursor) search.set("cursor", cursor);
    const text = search.toString();
    return text ? `${basePath}?${text}` : basePath;
  };
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between py-3 text-sm">
      <span className="text-zinc-500">{shown} shown</span>
      <div className="flex gap-2">
        {params.cursor ? (
          <Link href={query()} className="rounded border border-zinc-300 bg-white px-3 py-1 hover:bg-zinc-50">
            First page
          </Link>
        ) : null}
        {nextCursor ? (
          <Link href={query(nextCursor)} rel="next" className="rounded border border-zinc-300 bg-white px-3 py-1 hover:bg-zinc-50">
            Next page →
          </Link>
        ) : (
          <span className="px-3 py-1 text-zinc-400">End of list</span>
        )}
      </div>
    </nav>
  );
}
