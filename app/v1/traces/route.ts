import { apiRoute } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/permissions";
import { exportTraces, exportTraceServiceResponse } from "@/lib/otlp/export-traces";
import { readOtlpBody } from "@/lib/otlp/read-otlp-body";

// OTLP/HTTP trace export (what OpenTelemetry exporters and Phoenix's `register`
// send): protobuf or JSON, gzip or deflate. Project from `x-project-name`, else
// the resource's `openinference.project.name`, else "default". Spans that would
// move a stored span or trace are rejected in partial_success (lib/ingest/span-conflicts.ts).
export const POST = apiRoute(async (request, actor) => {
  authorize(actor, "ingest");
  const { format, body } = await readOtlpBody(request);
  const { rejected } = await exportTraces(format, body, request.headers.get("x-project-name"));
  return exportTraceServiceResponse(format, rejected);
});
