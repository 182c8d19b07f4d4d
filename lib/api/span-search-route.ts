import { toGlobalId } from "@/lib/api/global-id";
import { apiRoute } from "@/lib/api/handler";
import { resolveProjectParam } from "@/lib/api/project-param";
import { parseSpanQuery } from "@/lib/api/span-query-params";
import { authorize } from "@/lib/auth/permissions";
import { querySpans, type SpanRecord } from "@/lib/spans/query-spans";

// Phoenix's two span searches (`/spans` and `/spans/otlpv1`) take the same
// filters and cursor; only the shape of each span differs.
export function spanSearchRoute(toWire: (span: SpanRecord) => unknown) {
  return apiRoute<{ project: string }>(async (request, actor, params) => {
    authorize(actor, "read");
    const query = parseSpanQuery(new URL(request.url));
    const project = await resolveProjectParam(params.project);
    const page = await querySpans(project.id, query);
    return Response.json({
      data: page.rows.map(toWire),
      next_cursor: page.nextId === null ? null : toGlobalId("Span", page.nextId),
    });
  });
}
