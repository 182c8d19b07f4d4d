import { apiRoute } from "@/lib/api/handler";
import { projectGlobalId, resolveProjectParam } from "@/lib/api/project-param";
import { authorize } from "@/lib/auth/permissions";

// Phoenix: GET /v1/projects/{project id or name} → {data: {id, name, description}}.
export const GET = apiRoute<{ project: string }>(async (_request, actor, params) => {
  authorize(actor, "read");
  const project = await resolveProjectParam(params.project);
  return Response.json({ data: { id: projectGlobalId(project.id), name: project.name, description: project.description } });
});
