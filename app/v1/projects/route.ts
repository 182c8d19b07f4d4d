import { z } from "zod";
import { cursorRowId } from "@/lib/api/global-id";
import { apiRoute, parseWith, readJson } from "@/lib/api/handler";
import { projectGlobalId } from "@/lib/api/project-param";
import { booleanParam, limitParam, queryObject } from "@/lib/api/query-params";
import { authorize } from "@/lib/auth/permissions";
import { createProject, createProjectSchema } from "@/lib/projects/manage-projects";
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

// Phoenix: POST /v1/projects {name, description} → 200 {data: {id, name, description}}
// (200, not 201, as the contract says). A taken name is a 422 naming `name`.
export const POST = apiRoute(async (request, actor) => {
  authorize(actor, "manage-projects");
  const body = parseWith(createProjectSchema, await readJson(request));
  const project = await createProject(actor, body);
  return Response.json({ data: { id: projectGlobalId(project.id), name: project.name, description: project.description } });
});
