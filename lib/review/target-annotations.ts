import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnnotationSource, AnnotationTarget, AnnotatorKind } from "@/lib/generated/prisma/enums";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { annotationReader, hiddenAnnotationIds } from "./blind-review";

export type TargetRef = { targetType: AnnotationTarget; targetId: number };

export type ShownAnnotation = {
  id: number;
  targetType: AnnotationTarget;
  targetId: number;
  documentPosition: number;
  name: string;
  label: string | null;
  score: number | null;
  explanation: string | null;
  annotatorKind: AnnotatorKind;
  source: AnnotationSource;
  identifier: string;
  userId: string | null;
  userName: string | null;
  updatedAt: Date;
  mine: boolean;
  // Blind review: someone else's value the reader may not see yet.
  hidden: boolean;
  // Earlier versions, newest first (overwrites and deletes kept by the history trigger).
  history: PastVersion[];
};

export type PastVersion = { label: string | null; score: number | null; explanation: string | null; at: Date; action: "UPDATE" | "DELETE" };

/**
 * Labels and scores (not notes) on the given targets, everyone's, with the
 * author's name. With blind review on, another reviewer's value stays hidden
 * until the reader has submitted their own for that rubric and target; leads
 * and admins always see everything.
 */
export async function annotationsOnTargets(
  actor: Actor | null,
  project: { id: number; blindReview: boolean },
  targets: TargetRef[],
): Promise<ShownAnnotation[]> {
  authorize(actor, "read");
  if (targets.length === 0) return [];
  const rows = await prisma.annotation.findMany({
    where: {
      projectId: project.id,
      name: { not: "note" },
      OR: targets.map((t) => ({ targetType: t.targetType, targetId: t.targetId })),
    },
    select: {
      id: true, targetType: true, targetId: true, documentPosition: true, name: true, label: true, score: true,
      explanation: true, annotatorKind: true, source: true, identifier: true, userId: true, updatedAt: true,
      user: { select: { name: true } },
    },
    orderBy: [{ name: "asc" }, { updatedAt: "desc" }],
  });
  const history = await pastVersions(rows.map((r) => r.id));
  const hiddenIds = hiddenAnnotationIds(rows, annotationReader(actor, project));
  return rows.map(({ user, ...row }) => {
    const mine = row.userId !== null && row.userId === actor.userId;
    const hidden = hiddenIds.has(row.id);
    return {
      ...row,
      ...(hidden ? { label: null, score: null, explanation: null } : {}),
      userName: user?.name ?? null,
      mine,
      hidden,
      history: hidden ? [] : (history.get(row.id) ?? []),
    };
  });
}

// One query for the history of every annotation shown.
async function pastVersions(ids: number[]): Promise<Map<number, PastVersion[]>> {
  const byId = new Map<number, PastVersion[]>();
  if (ids.length === 0) return byId;
  const rows = await prisma.annotationHistory.findMany({
    where: { annotationId: { in: ids } },
    orderBy: { replacedAt: "desc" },
    select: { annotationId: true, label: true, score: true, explanation: true, versionAt: true, action: true },
  });
  for (const { annotationId, versionAt, ...version } of rows) {
    const list = byId.get(annotationId) ?? [];
    list.push({ ...version, at: versionAt });
    byId.set(annotationId, list);
  }
  return byId;
}

/** A label or score deleted from a target (API, a cleared form, or with its span/trace), from history. */
export type DeletedAnnotation = {
  historyId: string;
  targetType: AnnotationTarget;
  documentPosition: number;
  name: string;
  label: string | null;
  score: number | null;
  explanation: string | null;
  identifier: string;
  userName: string | null;
  mine: boolean;
  deletedAt: Date;
  deletedByName: string | null;
};

/** How many deleted values the review panel lists, newest first. */
const DELETED_SHOWN = 50;

/**
 * Labels and scores deleted from the targets whose key (rubric, identifier,
 * document) holds no value now: what `DELETE …_annotations` or a cleared form
 * removed, kept by the history trigger. Blind review: a reader who may not see
 * others' values sees only their own deleted ones.
 */
export async function deletedAnnotationsOnTargets(
  actor: Actor | null,
  project: { id: number; blindReview: boolean },
  targets: TargetRef[],
): Promise<DeletedAnnotation[]> {
  authorize(actor, "read");
  if (targets.length === 0) return [];
  const reader = annotationReader(actor, project);
  const onTargets = Prisma.join(targets.map((t) => Prisma.sql`(h.target_type = ${t.targetType}::"AnnotationTarget" AND h.target_id = ${t.targetId})`), " OR ");
  const rows = await prisma.$queryRaw<(Omit<DeletedAnnotation, "mine" | "historyId"> & { historyId: bigint; userId: string | null })[]>`
    SELECT h.id AS "historyId", h.target_type AS "targetType", h.document_position AS "documentPosition", h.name,
      h.label, h.score, h.explanation, h.identifier, h.user_id AS "userId", author.name AS "userName",
      h.replaced_at AS "deletedAt", deleter.name AS "deletedByName"
    FROM annotation_history h
    LEFT JOIN users author ON author.id = h.user_id
    LEFT JOIN users deleter ON deleter.id = h.replaced_by_id
    WHERE (${onTargets}) AND h.action = 'DELETE' AND h.project_id = ${project.id} AND h.name <> 'note'
      ${reader.seesAll ? Prisma.empty : Prisma.sql`AND h.user_id = ${reader.userId}::uuid`}
      AND NOT EXISTS (SELECT 1 FROM annotations a
        WHERE a.target_type = h.target_type AND a.target_id = h.target_id AND a.document_position = h.document_position
          AND a.name = h.name AND a.identifier = h.identifier)
    ORDER BY h.replaced_at DESC, h.id DESC
    LIMIT ${DELETED_SHOWN}`;
  return rows.map(({ historyId, userId, ...row }) => ({
    ...row,
    historyId: String(historyId),
    mine: userId !== null && userId === actor.userId,
  }));
}
