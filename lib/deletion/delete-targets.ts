import { z } from "zod";
import { prisma } from "@/lib/db";
import { NotFoundError, UnprocessableError } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { parseGlobalId, type NodeType } from "@/lib/api/global-id";
import { purgeTargets, type Purged } from "./purge-targets";

// Phoenix's deletes of spans, traces and sessions (DELETE /v1/spans/{id},
// /v1/traces/{id}, /v1/sessions/{id}, POST /v1/sessions/delete). Each names its
// target by a Relay GlobalID or by its own id (OTel span or trace id, session.id);
// a GlobalID of the right type is tried first, as Phoenix does. Leads and admins
// only (delete-traces). What goes with each: lib/deletion/purge-targets.ts.

type Kind = "span" | "trace" | "session";
const nodeType: Record<Kind, NodeType> = { span: "Span", trace: "Trace", session: "ProjectSession" };
const noun: Record<Kind, string> = { span: "Span", trace: "Trace", session: "Session" };

type By = { id: number } | { external: string };
const select = { id: true } as const;
const find: Record<Kind, (by: By) => Promise<{ id: number } | null>> = {
  span: (by) => prisma.span.findUnique({ where: "id" in by ? { id: by.id } : { spanId: by.external }, select }),
  trace: (by) => prisma.trace.findUnique({ where: "id" in by ? { id: by.id } : { traceId: by.external }, select }),
  session: (by) => prisma.session.findUnique({ where: "id" in by ? { id: by.id } : { sessionId: by.external }, select }),
};

async function rowIdOf(kind: Kind, identifier: string): Promise<number | null> {
  const rowId = parseGlobalId(identifier, nodeType[kind]);
  const row = (rowId !== null ? await find[kind]({ id: rowId }) : null) ?? (await find[kind]({ external: identifier }));
  return row?.id ?? null;
}

async function deleteOne(actor: Actor | null, kind: Kind, identifier: string): Promise<void> {
  authorize(actor, "delete-traces");
  const rowId = await rowIdOf(kind, identifier);
  const missing = () => new NotFoundError(`${noun[kind]} ${identifier} does not exist.`);
  if (rowId === null) throw missing();
  const key = kind === "span" ? "spans" : kind === "trace" ? "traces" : "sessions";
  // Deleted by someone else between the look-up and the delete: 404, and nothing else is changed.
  await purgeTargets(actor, { [key]: [rowId] }, (purged: Purged) => {
    if (purged[key] === 0) throw missing();
  });
}

/** Deletes one span, not its children (they stay, orphaned, as in Phoenix); a trace left empty goes too. */
export const deleteSpan = (actor: Actor | null, identifier: string) => deleteOne(actor, "span", identifier);
/** Deletes a trace with all its spans. */
export const deleteTrace = (actor: Actor | null, identifier: string) => deleteOne(actor, "trace", identifier);
/** Deletes a session with its traces and their spans. */
export const deleteSession = (actor: Actor | null, identifier: string) => deleteOne(actor, "session", identifier);

// Phoenix's DeleteSessionsRequestBody.
export const MAX_BULK_SESSIONS = 10_000;
export const deleteSessionsSchema = z.object({
  session_identifiers: z.array(z.string()).min(1).max(MAX_BULK_SESSIONS),
});

/**
 * Deletes sessions named all by GlobalID or all by session.id (a mixed list is
 * refused, as Phoenix does); unknown ones are skipped. One transaction.
 */
export async function deleteSessions(actor: Actor | null, identifiers: string[]): Promise<{ deleted: number }> {
  authorize(actor, "delete-traces");
  const rowIds = identifiers.map((id) => parseGlobalId(id, "ProjectSession"));
  const globalIds = rowIds.filter((id) => id !== null);
  if (globalIds.length > 0 && globalIds.length < identifiers.length) {
    throw new UnprocessableError(
      "Invalid request: session_identifiers must be all GlobalIDs or all session ids, not a mix",
      { session_identifiers: ["must be all GlobalIDs or all session ids, not a mix"] },
    );
  }
  const rows = globalIds.length
    ? await prisma.session.findMany({ where: { id: { in: globalIds } }, select: { id: true } })
    : await prisma.session.findMany({ where: { sessionId: { in: [...new Set(identifiers)] } }, select: { id: true } });
  if (rows.length === 0) return { deleted: 0 };
  const purged = await purgeTargets(actor, { sessions: rows.map((row) => row.id) });
  return { deleted: purged.sessions };
}
