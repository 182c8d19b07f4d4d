import { prisma } from "@/lib/db";

// Projects for Phoenix's `GET /v1/projects`: newest first by row id, like
// Phoenix; the cursor is the first row of the next page (inclusive).
export type ProjectPageQuery = { limit: number; cursorId?: number; nameContains?: string };
export type ProjectRecord = { id: number; name: string; description: string | null };

export async function listProjectPage(query: ProjectPageQuery): Promise<{ rows: ProjectRecord[]; nextId: number | null }> {
  const rows = await prisma.project.findMany({
    where: {
      ...(query.cursorId !== undefined ? { id: { lte: query.cursorId } } : {}),
      ...(query.nameContains ? { name: { contains: query.nameContains, mode: "insensitive" as const } } : {}),
    },
    select: { id: true, name: true, description: true },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  const extra = rows.length > query.limit ? rows.pop()! : null;
  return { rows, nextId: extra?.id ?? null };
}
