import { errorResponse } from "@/lib/api/handler";
import { currentActor } from "@/lib/auth/current-actor";
import type { Actor } from "@/lib/auth/permissions";
import { actorFromRequest } from "@/lib/auth/request-actor";
import { NotFoundError } from "@/lib/errors";
import { findProjectByName, type ProjectRef } from "@/lib/projects/projects";

/**
 * Read routes that both the browser and scripts use (dashboard data, exports):
 * `Authorization: Bearer <key>` when the request carries one, else the signed-in
 * session cookie (no session: the domain's authorize() answers 401). The project
 * comes from the path; domain errors map to the API's one JSON envelope.
 * `read` returns a Response (JSON, CSV or a stream) so each route picks its format.
 */
export function projectReadRoute<P extends { projectName: string }>(
  read: (actor: Actor | null, project: ProjectRef, request: Request, params: P) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const params = await context.params;
      const actor = request.headers.has("authorization") ? await actorFromRequest(request) : await currentActor();
      const project = await findProjectByName(decodeURIComponent(params.projectName));
      if (!project) throw new NotFoundError(`Project ${params.projectName} does not exist.`);
      const response = await read(actor, project, request, params);
      response.headers.set("cache-control", "no-store");
      return response;
    } catch (error) {
      return errorResponse(error);
    }
  };
}
