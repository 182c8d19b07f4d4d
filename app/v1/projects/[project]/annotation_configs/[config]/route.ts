import { apiRoute } from "@/lib/api/handler";
import { resolveProjectParam } from "@/lib/api/project-param";
import { authorize } from "@/lib/auth/permissions";
import { resolveConfigParam, toWireConfig } from "@/lib/rubrics/annotation-config-wire";
import { assignRubric, unassignRubric } from "@/lib/rubrics/project-rubrics";

// Phoenix: assignAnnotationConfigToProject, unassignAnnotationConfigFromProject (both idempotent).
// The role comes first: looking up the project or config would reveal what exists.
type Params = { project: string; config: string };

export const PUT = apiRoute<Params>(async (_request, actor, params) => {
  authorize(actor, "manage-rubrics");
  const project = await resolveProjectParam(params.project);
  const rubric = await assignRubric(actor, project.id, await resolveConfigParam(actor, params.config));
  return Response.json({ data: toWireConfig(rubric) });
});

export const DELETE = apiRoute<Params>(async (_request, actor, params) => {
  authorize(actor, "manage-rubrics");
  const project = await resolveProjectParam(params.project);
  await unassignRubric(actor, project.id, await resolveConfigParam(actor, params.config));
  return new Response(null, { status: 204 });
});
