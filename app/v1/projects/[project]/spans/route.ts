import { toGlobalId } from "@/lib/api/global-id";
import { apiRoute } from "@/lib/api/handler";
import { resolveProjectParam } from "@/lib/api/project-param";
import { parseSpanQuery } from "@/lib/api/span-query-params";
import { toWireSpan } from "@/lib/api/span-wire";
import { authorize } from "@/lib/auth/permissions";
import { querySpans } from "@/lib/spans/query-spans";

// Phoenix: GET /v1/projects/{project}/spans?trace_id=…&attribute=key:value… → {data: [Span], next_cursor}.
export const GET = apiRoute<{ project: string }>(async (request, actor, params) => {
  authorize(actor, "read");
  const query = parseSpanQuery(new URL(request.url));
  const project = await resolveProjectParam(params.project);
  const page = await querySpans(project.id, query);
  return Response.json({
    data: page.rows.map(toWireSpan),
    next_cursor: page.nextId === null ? null : toGlobalId("Span", page.nextId),
  });
});
