import { apiRoute, parseWith, readJson } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/permissions";
import { annotationConfigBodySchema, resolveConfigParam, toWireConfig } from "@/lib/rubrics/annotation-config-wire";
import { deleteRubric, getRubric, updateRubric } from "@/lib/rubrics/rubrics";

// Phoenix: getAnnotationConfig (id or name), updateAnnotationConfig, deleteAnnotationConfig.
// Deleting a config that annotations use archives it (see lib/rubrics/rubrics.ts).
// The role is checked before the config is looked up: a 404 to a caller who
// may not write would tell them which configs exist.
type Params = { config: string };

export const GET = apiRoute<Params>(async (_request, actor, { config }) => {
  authorize(actor, "read");
  return Response.json({ data: toWireConfig(await getRubric(actor, await resolveConfigParam(actor, config))) });
});

export const PUT = apiRoute<Params>(async (request, actor, { config }) => {
  authorize(actor, "manage-rubrics");
  const input = parseWith(annotationConfigBodySchema, await readJson(request));
  const { id } = await resolveConfigParam(actor, config);
  return Response.json({ data: toWireConfig(await updateRubric(actor, id, input)) });
});

export const DELETE = apiRoute<Params>(async (_request, actor, { config }) => {
  authorize(actor, "manage-rubrics");
  const { id } = await resolveConfigParam(actor, config);
  const { rubric } = await deleteRubric(actor, id);
  return Response.json({ data: toWireConfig(rubric) });
});
