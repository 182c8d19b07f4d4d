// The protobufjs code generated from the official opentelemetry-proto files,
// as shipped by OpenTelemetry JS (its 0.216 line is the last to include
// decoders). Pinned exactly in package.json: this is a deep import.
import generated from "@opentelemetry/otlp-transformer/build/src/generated/root";
import type { OtlpExportRequest } from "./otlp-model";

type Message<T> = {
  decode(reader: Uint8Array): T;
  encode(message: unknown): { finish(): Uint8Array };
  fromObject(object: unknown): unknown;
};

const traceService = (generated as unknown as {
  opentelemetry: { proto: { collector: { trace: { v1: {
    ExportTraceServiceRequest: Message<OtlpExportRequest>;
    ExportTraceServiceResponse: Message<unknown>;
  } } } } };
}).opentelemetry.proto.collector.trace.v1;

export const ExportTraceServiceRequest = traceService.ExportTraceServiceRequest;
export const ExportTraceServiceResponse = traceService.ExportTraceServiceResponse;
