import { z } from "zod";
import { cursorRowId, parseGlobalId, toGlobalId } from "@/lib/api/global-id";
import { apiRoute, parseWith } from "@/lib/api/handler";
import { resolveProjectParam } from "@/lib/api/project-param";
import { booleanParam, limitParam, listParam, queryObject, timeParam } from "@/lib/api/query-params";
import { toWireTrace } from "@/lib/api/trace-wire";
import { authorize } from "@/lib/auth/permissions";
import { queryTraces } from "@/lib/traces/query-traces";

const querySchema = z.object({
  start_time: timeParam,
  end_time: timeParam,
  sort: z.enum(["start_time", "latency_ms"]).default("start_time"),
  order: z.enum(["asc", "desc"]).default("desc"),
  limit: limitParam(1000),
  cursor: z.string().optional(),
  include_spans: booleanParam,
  session_identifier: listParam(),
});

// Phoenix: GET /v1/projects/{project}/traces → {data: [TraceData], next_cursor}.
export const GET = apiRoute<{ project: string }>(async (request, actor, params) => {
  authorize(actor, "read");
  const query = parseWith(querySchema, queryObject(new URL(request.url), ["session_identifier"]));
  const project = await resolveProjectParam(params.project);
  // Each session identifier is a ProjectSession GlobalID or a session.id string.
  const sessions = query.session_identifier?.length ? query.session_identifier : undefined;
  const page = await queryTraces(project.id, {
    limit: query.limit,
    sort: query.sort,
    order: query.order,
    cursorId: cursorRowId(query.cursor, "Trace"),
    startTime: query.start_time,
    endTime: query.end_time,
    sessionRowIds: sessions?.map((s) => parseGlobalId(s, "ProjectSession")).filter((id) => id !== null),
    sessionIds: sessions?.filter((s) => parseGlobalId(s, "ProjectSession") === null),
    includeSpans: query.include_spans ?? false,
  });
  return Response.json({
    data: page.rows.map(toWireTrace),
    next_cursor: page.nextId === null ? null : toGlobalId("Trace", page.nextId),
  });
});
