import { ValidationError } from "@/lib/errors";
import type { OtlpExportRequest } from "./otlp-model";
import { ExportTraceServiceRequest } from "./otlp-proto";

/** Decodes `application/x-protobuf`; any wire error is the client's (400). */
export function decodeProtobufRequest(body: Uint8Array): OtlpExportRequest {
  try {
    return ExportTraceServiceRequest.decode(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ValidationError(`Request body is not a valid OTLP ExportTraceServiceRequest (protobuf): ${reason}`);
  }
}
