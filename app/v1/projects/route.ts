import { z } from "zod";
import { cursorRowId } from "@/lib/api/global-id";
import { apiRoute, parseWith } from "@/lib/api/handler";
import { projectGlobalId } from "@/lib/api/project-param";
import { booleanParam, limitParam, queryObject } from "@/lib/api/query-params";
import { authorize } from "@/lib/auth/permissions";
import { listProjectPage } from "@/lib/projects/project-page";

const querySchema = z.object({
  cursor: z.string().optional(),
  limit: limitParam(null),
  name_contains: z.string().max(200).optional(),
  // Marginalia has no experiment or evaluator projects: accepted and ignored.
  include_experiment_projects: booleanParam,
  include_dataset_evaluator_projects: booleanParam,
});

// Phoenix: GET /v1/projects → {data: [{id, name, description}], next_cursor}.
export const GET = apiRoute(async (request, actor) => {
  authorize(actor, "read");
  const query = parseWith(querySchema, queryObject(new URL(request.url), []));
  const page = await listProjectPage({
    limit: query.limit,
    cursorId: cursorRowId(query.cursor, "Project"),
    nameContains: query.name_contains,
  });
  return Response.json({
    data: page.rows.map((p) => ({ id: projectGlobalId(p.id), name: p.name, description: p.description })),
    next_cursor: page.nextId === null ? null : projectGlobalId(page.nextId),
  });
});
