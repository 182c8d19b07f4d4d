import { z } from "zod";
import { upsertAnnotations, type AnnotationWrite } from "@/lib/annotations/upsert-annotations";
import { writeNote } from "@/lib/annotations/notes";
import type { TargetKind } from "@/lib/annotations/targets";
import {
  documentAnnotationSchema, RESERVED_NOTE_NAME, sessionAnnotationSchema, sessionNoteSchema,
  spanAnnotationSchema, spanNoteSchema, traceAnnotationSchema, traceNoteSchema,
} from "@/lib/annotations/wire-schemas";
import { authorize } from "@/lib/auth/permissions";
import { UnprocessableError, ValidationError } from "@/lib/errors";
import type { AnnotationTarget } from "@/lib/generated/prisma/enums";
import { apiRoute, parseWith, readJson } from "./handler";
import { jsonResponse } from "./json-response";

// The four annotation write routes and three note routes differ only in the
// target, so each route file is one line built here (Phoenix: annotateSpans, …).
const itemSchemas = {
  SPAN: spanAnnotationSchema,
  TRACE: traceAnnotationSchema,
  SESSION: sessionAnnotationSchema,
  DOCUMENT: documentAnnotationSchema,
} as const;
const idField = { SPAN: "span_id", TRACE: "trace_id", SESSION: "session_id", DOCUMENT: "span_id" } as const;

// FastAPI's bool parsing, which Phoenix's `sync` query parameter goes through.
const querySchema = z.object({
  sync: z
    .enum(["true", "false", "1", "0", "yes", "no", "on", "off"], { error: "must be true or false" })
    .optional()
    .transform((value) => value === "true" || value === "1" || value === "yes" || value === "on"),
});

type WireItem = z.output<typeof documentAnnotationSchema> & Record<string, unknown>;

function toWrite(target: AnnotationTarget, item: WireItem): AnnotationWrite {
  return {
    target,
    externalId: String(item[idField[target]]),
    documentPosition: target === "DOCUMENT" ? item.document_position : undefined,
    name: item.name,
    label: item.result?.label ?? null,
    score: item.result?.score ?? null,
    explanation: item.result?.explanation ?? null,
    metadata: item.metadata ?? {},
    annotatorKind: item.annotator_kind,
    identifier: item.identifier ?? "",
  };
}

// Checked before the schema so that the reserved name answers 400 like Phoenix,
// not the 422 every other invalid field gets.
function refuseNoteName(body: unknown): void {
  const items = (body as { data?: unknown })?.data;
  if (!Array.isArray(items)) return;
  const index = items.findIndex((item) => typeof item?.name === "string" && item.name.trim() === RESERVED_NOTE_NAME);
  if (index >= 0) {
    throw new ValidationError(`Annotation name "${RESERVED_NOTE_NAME}" is reserved for notes: use the notes routes.`, {
      [`data.${index}.name`]: ["is reserved"],
    });
  }
}

export function annotationWriteRoute(target: AnnotationTarget) {
  const bodySchema = z.object({ data: z.array(itemSchemas[target]) });
  return apiRoute(async (request, actor) => {
    // The role first: a viewer learns nothing from the body or the targets.
    authorize(actor, "annotate");
    const { sync } = parseWith(querySchema, { sync: new URL(request.url).searchParams.get("sync") ?? undefined });
    const body = await readJson(request);
    refuseNoteName(body);
    const { data } = parseWith(bodySchema, body);
    if (target === "DOCUMENT") {
      const index = data.findIndex((item) => item.identifier);
      // Phoenix keys document annotations without identifiers.
      if (index >= 0) {
        throw new UnprocessableError("Document annotations do not take an identifier.", { [`data.${index}.identifier`]: ["must be empty"] });
      }
    }
    const ids = await upsertAnnotations(actor, target, data.map((item) => toWrite(target, item as WireItem)), "API");
    return jsonResponse({ data: sync ? ids.map((id) => ({ id: String(id) })) : [] });
  });
}

const noteSchemas = { SPAN: spanNoteSchema, TRACE: traceNoteSchema, SESSION: sessionNoteSchema } as const;

export function noteWriteRoute(kind: TargetKind) {
  const bodySchema = z.object({ data: noteSchemas[kind] });
  return apiRoute(async (request, actor) => {
    authorize(actor, "write-note");
    const { data } = parseWith(bodySchema, await readJson(request));
    const externalId = String((data as Record<string, unknown>)[idField[kind]]);
    const id = await writeNote(actor, kind, externalId, data.note, { identifier: data.identifier, source: "API" });
    return jsonResponse({ data: { id: String(id) } });
  });
}
