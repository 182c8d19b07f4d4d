import { ingestSpans, type IngestResult } from "@/lib/ingest/ingest-spans";
import { decodeJsonRequest } from "./decode-json";
import { decodeProtobufRequest } from "./decode-protobuf";
import type { OtlpFormat } from "./read-otlp-body";
import { toIngestSpans } from "./to-ingest-spans";

/**
 * Decodes one OTLP ExportTraceServiceRequest and stores its spans in one
 * transaction: a request that fails to decode or validate writes nothing.
 */
export async function exportTraces(format: OtlpFormat, body: Uint8Array, projectHeader: string | null): Promise<IngestResult> {
  const request = format === "json" ? decodeJsonRequest(body) : decodeProtobufRequest(body);
  return ingestSpans(toIngestSpans(request, projectHeader));
}

/** An ExportTraceServiceResponse without partial_success: zero bytes in protobuf, `{}` in JSON. */
export function exportTraceServiceResponse(format: OtlpFormat): Response {
  if (format === "json") return Response.json({});
  return new Response(new Uint8Array(0), { status: 200, headers: { "content-type": "application/x-protobuf" } });
}
