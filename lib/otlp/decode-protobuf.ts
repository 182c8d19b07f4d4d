// The protobufjs code generated from the official opentelemetry-proto files,
// as shipped by OpenTelemetry JS (its 0.216 line is the last to include
// decoders). Pinned exactly in package.json: this is a deep import.
import generated from "@opentelemetry/otlp-transformer/build/src/generated/root";
import { ValidationError } from "@/lib/errors";
import type { OtlpExportRequest } from "./otlp-model";

type Decoder = { decode(reader: Uint8Array): OtlpExportRequest };

const root = generated as unknown as {
  opentelemetry: { proto: { collector: { trace: { v1: { ExportTraceServiceRequest: Decoder } } } } };
};
const ExportTraceServiceRequest = root.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

/** Decodes `application/x-protobuf`; any wire error is the client's (400). */
export function decodeProtobufRequest(body: Uint8Array): OtlpExportRequest {
  try {
    return ExportTraceServiceRequest.decode(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ValidationError(`Request body is not a valid OTLP ExportTraceServiceRequest (protobuf): ${reason}`);
  }
}
