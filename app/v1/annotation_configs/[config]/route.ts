import { apiRoute, parseWith, readJson } from "@/lib/api/handler";
import { annotationConfigBodySchema, resolveConfigParam, toWireConfig } from "@/lib/rubrics/annotation-config-wire";
import { deleteRubric, getRubric, updateRubric } from "@/lib/rubrics/rubrics";

// Phoenix: getAnnotationConfig (id or name), updateAnnotationConfig, deleteAnnotationConfig.
// Deleting a config that annotations use archives it (see lib/rubrics/rubrics.ts).
type Params = { config: string };

export const GET = apiRoute<Params>(async (_request, actor, { config }) => {
  return Response.json({ data: toWireConfig(await getRubric(actor, await resolveConfigParam(actor, config))) });
});

export const PUT = apiRoute<Params>(async (request, actor, { config }) => {
  const input = parseWith(annotationConfigBodySchema, await readJson(request));
  const { id } = await resolveConfigParam(actor, config);
  return Response.json({ data: toWireConfig(await updateRubric(actor, id, input)) });
});

export const DELETE = apiRoute<Params>(async (_request, actor, { config }) => {
  const { id } = await resolveConfigParam(actor, config);
  const { rubric } = await deleteRubric(actor, id);
  return Response.json({ data: toWireConfig(rubric) });
});
