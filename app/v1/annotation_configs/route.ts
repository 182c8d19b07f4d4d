import { configListResponse, parseConfigListQuery } from "@/lib/api/annotation-config-query";
import { apiRoute, parseWith, readJson } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/permissions";
import { annotationConfigBodySchema, toWireConfig } from "@/lib/rubrics/annotation-config-wire";
import { createRubric, listRubrics } from "@/lib/rubrics/rubrics";

// Phoenix: listAnnotationConfigs, createAnnotationConfig.
export const GET = apiRoute(async (request, actor) => {
  const { cursor, limit } = parseConfigListQuery(request);
  return configListResponse(await listRubrics(actor, { cursor, limit }));
});

export const POST = apiRoute(async (request, actor) => {
  authorize(actor, "manage-rubrics");
  const input = parseWith(annotationConfigBodySchema, await readJson(request));
  return Response.json({ data: toWireConfig(await createRubric(actor, input)) });
});
