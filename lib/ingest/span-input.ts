import { z } from "zod";

// One OpenTelemetry span as the ingest function takes it: what an OTLP decoder
// produces, with attributes flattened to dot keys (OpenInference conventions).
const hexId = (length: number) =>
  z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`), `must be ${length} lowercase hex characters`);

export const attributeValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string(), z.number(), z.boolean()])),
]);

export const spanEventSchema = z.object({
  name: z.string(),
  timestamp: z.coerce.date(),
  attributes: z.record(z.string(), attributeValueSchema).default({}),
});

export const statusCodeSchema = z.enum(["UNSET", "OK", "ERROR"]);

export const ingestSpanSchema = z
  .object({
    projectName: z.string().min(1).max(200).default("default"),
    traceId: hexId(32),
    spanId: hexId(16),
    parentSpanId: hexId(16).nullish(),
    name: z.string().max(1000),
    startTime: z.coerce.date(),
    endTime: z.coerce.date(),
    statusCode: statusCodeSchema.default("UNSET"),
    statusMessage: z.string().default(""),
    attributes: z.record(z.string(), attributeValueSchema).default({}),
    events: z.array(spanEventSchema).default([]),
  })
  .refine((span) => span.endTime >= span.startTime, { message: "endTime is before startTime", path: ["endTime"] });

export type IngestSpan = z.input<typeof ingestSpanSchema>;
export type ParsedSpan = z.output<typeof ingestSpanSchema>;
export type AttributeValue = z.infer<typeof attributeValueSchema>;
export type Attributes = Record<string, AttributeValue>;
