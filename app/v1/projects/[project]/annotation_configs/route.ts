import { z } from "zod";
import { configListResponse, parseConfigListQuery } from "@/lib/api/annotation-config-query";
import { apiRoute, parseWith, readJson } from "@/lib/api/handler";
import { resolveProjectParam } from "@/lib/api/project-param";
import { configIdFromBody, toWireConfig } from "@/lib/rubrics/annotation-config-wire";
import { setProjectRubrics } from "@/lib/rubrics/project-rubrics";
import { listRubrics } from "@/lib/rubrics/rubrics";

// Phoenix: getProjectAnnotationConfigs, setProjectAnnotationConfigs.
type Params = { project: string };

export const GET = apiRoute<Params>(async (request, actor, params) => {
  const { cursor, limit } = parseConfigListQuery(request);
  const project = await resolveProjectParam(params.project);
  return configListResponse(await listRubrics(actor, { cursor, limit, projectId: project.id }));
});

const setBodySchema = z.object({ annotation_config_ids: z.array(z.string().min(1)).max(1000) });

export const PUT = apiRoute<Params>(async (request, actor, params) => {
  const { annotation_config_ids } = parseWith(setBodySchema, await readJson(request));
  const project = await resolveProjectParam(params.project);
  const rubrics = await setProjectRubrics(actor, project.id, annotation_config_ids.map(configIdFromBody));
  return Response.json({ data: rubrics.map(toWireConfig), next_cursor: null });
});
