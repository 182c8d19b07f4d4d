import { z } from "zod";
import { listAnnotations, type AnnotationReadKind, type AnnotationRow } from "@/lib/annotations/read-annotations";
import { authorize } from "@/lib/auth/permissions";
import { annotationReader } from "@/lib/review/blind-review";
import { cursorParam } from "@/lib/pagination/keyset";
import { apiRoute, validationError } from "./handler";
import { resolveProjectParam } from "./project-param";
import { queryObject } from "./query-params";
import { wireMessage } from "./wire-errors";

// GET /v1/projects/{project}/{span,trace,session,document}_annotations: the
// query string uses repeated keys for lists (span_ids=a&span_ids=b), as both
// Phoenix clients send them.
export const MAX_TARGET_IDS = 1000;

const idsParam = { SPAN: "span_ids", DOCUMENT: "span_ids", TRACE: "trace_ids", SESSION: "session_ids" } as const;
const idField = { SPAN: "span_id", DOCUMENT: "span_id", TRACE: "trace_id", SESSION: "session_id" } as const;

const list = (item: z.ZodString) => z.array(item).optional();

export function annotationQuerySchema(kind: AnnotationReadKind) {
  return z
    .object({
      ids: list(z.string().min(1).max(500)).refine(
        (ids) => !ids || ids.length <= MAX_TARGET_IDS,
        `must list at most ${MAX_TARGET_IDS} ids`,
      ),
      identifier: list(z.string().min(1, "must not be empty").max(200)),
      include_annotation_names: list(z.string().max(200)),
      exclude_annotation_names: list(z.string().max(200)),
      limit: z.coerce.number().int().positive().max(10_000).default(10),
      cursor: cursorParam,
    })
    .refine((q) => q.ids || q.identifier, { message: `needs ${idsParam[kind]} or identifier`, path: ["ids"] });
}

// The ids key (span_ids, trace_ids, session_ids) is read as `ids`.
function readQuery(url: URL, idsKey: string): Record<string, unknown> {
  const { [idsKey]: ids, ...rest } = queryObject(url, [idsKey, "identifier", "include_annotation_names", "exclude_annotation_names"]);
  return { ...rest, ids };
}

export function toWireAnnotation(kind: AnnotationReadKind, row: AnnotationRow) {
  return {
    id: String(row.id),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    source: row.source,
    user_id: row.userId,
    name: row.name,
    annotator_kind: row.annotatorKind,
    result: { label: row.label, score: row.score, explanation: row.explanation },
    metadata: row.metadata,
    identifier: row.identifier,
    [idField[kind]]: row.targetId,
    ...(kind === "DOCUMENT" ? { document_position: row.documentPosition } : {}),
  };
}

export function annotationReadRoute(kind: AnnotationReadKind) {
  const schema = annotationQuerySchema(kind);
  return apiRoute<{ project: string }>(async (request, actor, params) => {
    authorize(actor, "read");
    const parsed = schema.safeParse(readQuery(new URL(request.url), idsParam[kind]), { error: wireMessage });
    if (!parsed.success) {
      // Errors name the parameter the client sent, not our internal key.
      for (const issue of parsed.error.issues) if (issue.path[0] === "ids") issue.path[0] = idsParam[kind];
      throw validationError(parsed.error);
    }
    const query = parsed.data;
    const project = await resolveProjectParam(params.project);
    const page = await listAnnotations(actor, {
      kind,
      projectId: project.id,
      projectName: project.name,
      reader: annotationReader(actor, project),
      targetIds: query.ids,
      identifiers: query.identifier,
      includeNames: query.include_annotation_names,
      excludeNames: query.exclude_annotation_names,
      limit: query.limit,
      cursor: query.cursor,
    });
    return Response.json({ data: page.rows.map((row) => toWireAnnotation(kind, row)), next_cursor: page.nextCursor });
  });
}
