import { prisma } from "@/lib/db";
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
