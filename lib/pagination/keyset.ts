import { z } from "zod";

// Keyset pagination: the cursor is the (sort value, row id) of the last row seen,
// encoded opaquely so the URL stays stable and no OFFSET is ever needed.
export type Cursor = { value: string | number; id: number };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString("base64url");
}

const cursorTuple = z.tuple([z.union([z.string(), z.number()]), z.number().int()]);

export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const [value, id] = cursorTuple.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return { value, id };
  } catch {
    return undefined;
  }
}

export const cursorParam = z
  .string()
  .max(200)
  .optional()
  .refine((raw) => raw === undefined || decodeCursor(raw) !== undefined, "is not a valid cursor");

export type Page<T> = { rows: T[]; nextCursor: string | null };

// Rows are fetched with limit + 1: the extra row only tells whether there is a next page.
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => Cursor): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return { rows: pageRows, nextCursor: hasMore && last ? encodeCursor(cursorOf(last)) : null };
}
