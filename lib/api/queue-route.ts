import { errorResponse } from "@/lib/api/handler";
import type { Actor } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/current-actor";
import { NotFoundError } from "@/lib/errors";
import { findProjectByName, type ProjectRef } from "@/lib/projects/projects";

// The queue pages' polling routes: the browser's session cookie, the project
// from the path, the domain call, and errors in the API's one JSON envelope.
// `no-store`: progress is live, never cached.
export function queueJsonRoute<P extends { projectName: string }>(
  read: (actor: Actor | null, project: ProjectRef, params: P, url: URL) => Promise<unknown>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const params = await context.params;
      const project = await findProjectByName(decodeURIComponent(params.projectName));
      if (!project) throw new NotFoundError(`Project ${params.projectName} does not exist.`);
      const body = await read(await currentActor(), project, params, new URL(request.url));
      return Response.json(body, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function queueIdParam(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw new NotFoundError(`Queue ${value} does not exist.`);
  return id;
}
