import { ingestSpans, type IngestOutcome } from "@/lib/ingest/ingest-spans";
import { rejectionMessage, type RejectedSpan } from "@/lib/ingest/span-conflicts";
import { decodeJsonRequest } from "./decode-json";
import { decodeProtobufRequest } from "./decode-protobuf";
import { ExportTraceServiceResponse } from "./otlp-proto";
import type { OtlpFormat } from "./read-otlp-body";
import { toIngestSpans } from "./to-ingest-spans";

/**
 * Decodes one OTLP ExportTraceServiceRequest and stores its spans in one
 * transaction: a request that fails to decode or validate writes nothing. Spans
 * that would move a stored span or trace are rejected one by one (partial success).
 */
export async function exportTraces(format: OtlpFormat, body: Uint8Array, projectHeader: string | null): Promise<IngestOutcome> {
  const request = format === "json" ? decodeJsonRequest(body) : decodeProtobufRequest(body);
  return ingestSpans(toIngestSpans(request, projectHeader));
}

/**
 * An ExportTraceServiceResponse: without partial_success when every span landed
 * (zero bytes in protobuf, `{}` in JSON), else with the rejected count and why.
 * OTLP answers 200 either way; a client must not retry rejected spans.
 */
export function exportTraceServiceResponse(format: OtlpFormat, rejected: RejectedSpan[] = []): Response {
  const partialSuccess = rejected.length
    ? { rejectedSpans: rejected.length, errorMessage: rejectionMessage(rejected) }
    : undefined;
  if (format === "json") {
    // OTLP/JSON writes 64-bit integers as decimal strings.
    return Response.json(partialSuccess ? { partialSuccess: { ...partialSuccess, rejectedSpans: String(partialSuccess.rejectedSpans) } } : {});
  }
  const bytes = partialSuccess
    ? ExportTraceServiceResponse.encode(ExportTraceServiceResponse.fromObject({ partialSuccess })).finish()
    : new Uint8Array(0);
  return new Response(new Uint8Array(bytes), { status: 200, headers: { "content-type": "application/x-protobuf" } });
}
