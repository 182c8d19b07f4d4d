import { z } from "zod";
import { cursorRowId, toGlobalId } from "@/lib/api/global-id";
import { apiRoute, parseWith } from "@/lib/api/handler";
import { resolveProjectParam } from "@/lib/api/project-param";
import { limitParam, queryObject } from "@/lib/api/query-params";
import { toWireSession } from "@/lib/api/trace-wire";
import { authorize } from "@/lib/auth/permissions";
import { listSessionRecords } from "@/lib/sessions/session-data";

const querySchema = z.object({
  cursor: z.string().optional(),
  limit: limitParam(1000),
  order: z.enum(["asc", "desc"]).default("asc"),
});

// Phoenix: GET /v1/projects/{project}/sessions → {data: [SessionData], next_cursor}, by row id.
export const GET = apiRoute<{ project: string }>(async (request, actor, params) => {
  authorize(actor, "read");
  const query = parseWith(querySchema, queryObject(new URL(request.url), []));
  const project = await resolveProjectParam(params.project);
  const page = await listSessionRecords(project.id, {
    limit: query.limit,
    order: query.order,
    cursorId: cursorRowId(query.cursor, "ProjectSession"),
  });
  return Response.json({
    data: page.rows.map(toWireSession),
    next_cursor: page.nextId === null ? null : toGlobalId("ProjectSession", page.nextId),
  });
});
