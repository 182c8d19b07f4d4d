import { apiRoute, parseWith, readJson } from "@/lib/api/handler";
import { projectGlobalId, resolveProjectParam } from "@/lib/api/project-param";
import { authorize } from "@/lib/auth/permissions";
import { deleteProject, updateProject, updateProjectSchema, type ManagedProject } from "@/lib/projects/manage-projects";

const wire = (p: ManagedProject) => ({ id: projectGlobalId(p.id), name: p.name, description: p.description });

// Phoenix: GET /v1/projects/{project id or name} → {data: {id, name, description}}.
export const GET = apiRoute<{ project: string }>(async (_request, actor, params) => {
  authorize(actor, "read");
  const project = await resolveProjectParam(params.project);
  return Response.json({ data: wire(project) });
});

// Phoenix: PUT /v1/projects/{project} {description} → {data: project}. Names cannot change.
export const PUT = apiRoute<{ project: string }>(async (request, actor, params) => {
  authorize(actor, "manage-projects");
  const body = parseWith(updateProjectSchema, await readJson(request));
  const project = await resolveProjectParam(params.project);
  return Response.json({ data: wire(await updateProject(actor, project, body)) });
});

// Phoenix: DELETE /v1/projects/{project} → 204, with everything in it (annotations kept in history).
export const DELETE = apiRoute<{ project: string }>(async (_request, actor, params) => {
  authorize(actor, "manage-projects");
  const project = await resolveProjectParam(params.project);
  await deleteProject(actor, project.id);
  return new Response(null, { status: 204 });
});
