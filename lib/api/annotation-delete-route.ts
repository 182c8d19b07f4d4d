import { z } from "zod";
import { checkDeleteFilter, deleteAnnotations, type DeleteTarget } from "@/lib/annotations/delete-annotations";
import { authorize } from "@/lib/auth/permissions";
import { apiRoute, parseWith } from "./handler";
import { resolveProjectParam } from "./project-param";
import { queryObject, timeParam } from "./query-params";

// DELETE /v1/projects/{project}/{span,trace,session}_annotations (Phoenix:
// deleteSpanAnnotations and siblings): filters in the query string, 204 with no
// body, also when nothing matched. The bound (a time window or delete_all) and
// ownership are the domain's (lib/annotations/delete-annotations.ts).
const nonEmpty = z.string().min(1, "must not be empty");

// FastAPI's (pydantic's) bool parsing, which Phoenix's `delete_all` goes through.
const truthy = ["true", "1", "yes", "on", "t", "y"];
const fastApiBool = z
  .string()
  .refine((value) => [...truthy, "false", "0", "no", "off", "f", "n"].includes(value.toLowerCase()), "must be true or false")
  .transform((value) => truthy.includes(value.toLowerCase()))
  .optional();

// created_at is kept to the millisecond, and JavaScript dates truncate finer
// digits (Python clients send microseconds). Moving such a bound up to the next
// millisecond selects exactly the rows the finer bound would, for the inclusive
// start and the exclusive end alike.
const finerThanMillisecond = /:\d\d[.,]\d{3}\d*[1-9]/;
const ceilToMillisecond = (date: Date | undefined, text: unknown): Date | undefined =>
  date && typeof text === "string" && finerThanMillisecond.test(text) ? new Date(date.getTime() + 1) : date;

export const annotationDeleteQuerySchema = z.object({
  name: nonEmpty.optional(),
  identifier: nonEmpty.optional(),
  annotator_kind: z.enum(["LLM", "CODE", "HUMAN"]).optional(),
  start_time: timeParam,
  end_time: timeParam,
  delete_all: fastApiBool,
});

export function annotationDeleteRoute(target: DeleteTarget) {
  return apiRoute<{ project: string }>(async (request, actor, params) => {
    authorize(actor, "annotate");
    const raw = queryObject(new URL(request.url), []);
    const query = parseWith(annotationDeleteQuerySchema, raw);
    const filter = {
      name: query.name,
      identifier: query.identifier,
      annotatorKind: query.annotator_kind,
      startTime: ceilToMillisecond(query.start_time, raw.start_time),
      endTime: ceilToMillisecond(query.end_time, raw.end_time),
      deleteAll: query.delete_all,
    };
    // Like Phoenix: a request refused for its parameters is refused before the project is looked up.
    checkDeleteFilter(filter);
    const project = await resolveProjectParam(params.project);
    await deleteAnnotations(actor, project, target, filter);
    return new Response(null, { status: 204 });
  });
}
