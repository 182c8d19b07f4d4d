import { z } from "zod";
import { configListResponse, parseConfigListQuery } from "@/lib/api/annotation-config-query";
import { apiRoute, parseWith, readJson } from "@/lib/api/handler";
import { resolveProjectParam } from "@/lib/api/project-param";
import { authorize } from "@/lib/auth/permissions";
import { configIdFromBody, toWireConfig } from "@/lib/rubrics/annotation-config-wire";
import { setProjectRubrics } from "@/lib/rubrics/project-rubrics";
import { listRubrics } from "@/lib/rubrics/rubrics";

// Phoenix: getProjectAnnotationConfigs, setProjectAnnotationConfigs.
type Params = { project: string };

export const GET = apiRoute<Params>(async (request, actor, params) => {
  authorize(actor, "read");
  const { cursor, limit } = parseConfigListQuery(request);
  const project = await resolveProjectParam(params.project);
  return configListResponse(await listRubrics(actor, { cursor, limit, projectId: project.id }));
});

const setBodySchema = z.object({ annotation_config_ids: z.array(z.string().min(1).max(200)).max(1000) });

// The role before the project lookup, so a 404 tells only those who may write.
export const PUT = apiRoute<Params>(async (request, actor, params) => {
  authorize(actor, "manage-rubrics");
  const { annotation_config_ids } = parseWith(setBodySchema, await readJson(request));
  const project = await resolveProjectParam(params.project);
  const rubrics = await setProjectRubrics(actor, project.id, annotation_config_ids.map((id, i) => configIdFromBody(id, `annotation_config_ids.${i}`)));
  return Response.json({ data: rubrics.map(toWireConfig), next_cursor: null });
});
