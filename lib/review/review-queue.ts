import type { RawSearchParams } from "@/lib/search-params";

export const REVIEW_LIST_MAX = 1000;
// `of` says which list an old-style review URL describes (`of=sessions`; traces by default).
const positionKeys = new Set(["cursor", "limit", "trace", "i", "span", "tab", "list", "of"]);

/** The list's filters as a query string, without paging or position. */
export function reviewQuery(raw: RawSearchParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first && !positionKeys.has(key)) params.set(key, first);
  }
  return params.toString();
}
