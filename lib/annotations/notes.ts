import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { RESERVED_NOTE_NAME } from "./wire-schemas";
import { resolveTargets, type TargetKind } from "./targets";

// Notes are annotations named "note" with the text in explanation (Phoenix's
// wire form). Without an identifier each note is a new row keyed
// px-<target>-note:<uuid4>, so notes accumulate; with one, it is an upsert.
const identifierPrefix: Record<TargetKind, string> = {
  SPAN: "px-span-note:",
  TRACE: "px-trace-note:",
  SESSION: "px-session-note:",
};

export async function writeNote(
  actor: Actor | null,
  kind: TargetKind,
  externalId: string,
  text: string,
  options: { identifier?: string | null; source: "API" | "APP" },
): Promise<number> {
  authorize(actor, "write-note");
  const target = (await resolveTargets(kind, [externalId])).get(externalId)!;
  const identifier = options.identifier || `${identifierPrefix[kind]}${randomUUID()}`;
  const key = { targetType: kind, targetId: target.targetId, documentPosition: -1, name: RESERVED_NOTE_NAME, identifier };
  const values = { explanation: text, annotatorKind: "HUMAN" as const, source: options.source, userId: actor.userId };
  const note = await prisma.annotation.upsert({
    where: { targetType_targetId_documentPosition_name_identifier: key },
    create: {
      ...key, ...values, projectId: target.projectId,
      spanRowId: target.spanRowId, traceRowId: target.traceRowId, sessionRowId: target.sessionRowId,
    },
    update: { ...values, updatedAt: new Date() },
    select: { id: true },
  });
  return note.id;
}
