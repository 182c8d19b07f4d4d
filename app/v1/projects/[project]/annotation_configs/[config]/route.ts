import { apiRoute } from "@/lib/api/handler";
import { resolveProjectParam } from "@/lib/api/project-param";
import { resolveConfigParam, toWireConfig } from "@/lib/rubrics/annotation-config-wire";
import { assignRubric, unassignRubric } from "@/lib/rubrics/project-rubrics";

// Phoenix: assignAnnotationConfigToProject, unassignAnnotationConfigFromProject (both idempotent).
type Params = { project: string; config: string };

export const PUT = apiRoute<Params>(async (_request, actor, params) => {
  const project = await resolveProjectParam(params.project);
  const rubric = await assignRubric(actor, project.id, await resolveConfigParam(actor, params.config));
  return Response.json({ data: toWireConfig(rubric) });
});

export const DELETE = apiRoute<Params>(async (_request, actor, params) => {
  const project = await resolveProjectParam(params.project);
  await unassignRubric(actor, project.id, await resolveConfigParam(actor, params.config));
  return new Response(null, { status: 204 });
});
