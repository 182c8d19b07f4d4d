import "server-only";
import { prisma } from "@/lib/db";

export type TraceLookup = "found" | "no-trace" | "no-span";

/**
 * Whether a project has this trace (and, when asked, this span in it): one
 * indexed probe, cheap enough to run before the trace page starts streaming,
 * so that an address naming nothing answers 404 rather than 200.
 */
export async function lookUpTrace(projectName: string, traceId: string, spanId?: string): Promise<TraceLookup> {
  const trace = await prisma.trace.findFirst({
    where: { traceId: traceId.toLowerCase(), project: { name: projectName } },
    select: { id: true, ...(spanId !== undefined ? { spans: { where: { spanId }, select: { id: true }, take: 1 } } : {}) },
  });
  if (!trace) return "no-trace";
  if (spanId !== undefined && !("spans" in trace && trace.spans.length > 0)) return "no-span";
  return "found";
}
