import { z } from "zod";
import { validationError } from "@/lib/api/handler";
import { describeJsonProblem, findJsonProblem } from "@/lib/api/storable-text";
import { wireMessage } from "@/lib/api/wire-errors";
import { ValidationError } from "@/lib/errors";
import type { OtlpAnyValue, OtlpExportRequest, OtlpKeyValue } from "./otlp-model";

// OTLP/JSON (the OTLP spec's JSON encoding, not plain proto3 JSON): camelCase
// keys, trace and span ids as hex, 64-bit integers as decimal strings or
// numbers, enums as integers. Only the fields Marginalia reads are checked;
// unknown ones are ignored, as the spec asks of receivers.
const int64 = z.union([z.number().int(), z.string().regex(/^-?\d+$/, "must be an integer")]);
const uint64 = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/, "must be an unsigned integer")]);
// Attributes nest at most 32 levels (flatten-attributes.ts says which one is too
// deep), 4 JSON levels each under 8 of envelope; JSON deeper than that, with
// room to spare, is refused before zod's recursion meets it.
export const MAX_OTLP_JSON_DEPTH = 256;
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish();

const anyValue: z.ZodType<OtlpAnyValue> = z.lazy(() =>
  z.object({
    stringValue: z.string().nullish(),
    boolValue: z.boolean().nullish(),
    intValue: int64.nullish(),
    doubleValue: z.union([z.number(), z.enum(["NaN", "Infinity", "-Infinity"])]).nullish(),
    bytesValue: z.string().nullish(),
    arrayValue: z.object({ values: list(anyValue) }).nullish(),
    kvlistValue: z.object({ values: list(keyValue) }).nullish(),
  }),
);

const keyValue: z.ZodType<OtlpKeyValue> = z.lazy(() => z.object({ key: z.string(), value: anyValue.nullish() }));

const span = z.object({
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().nullish(),
  name: z.string().nullish(),
  startTimeUnixNano: uint64.nullish(),
  endTimeUnixNano: uint64.nullish(),
  attributes: list(keyValue),
  events: list(z.object({ timeUnixNano: uint64.nullish(), name: z.string().nullish(), attributes: list(keyValue) })),
  status: z.object({ code: z.union([z.number().int(), z.string()]).nullish(), message: z.string().nullish() }).nullish(),
});

const exportRequest = z.object({
  resourceSpans: list(
    z.object({
      resource: z.object({ attributes: list(keyValue) }).nullish(),
      scopeSpans: list(z.object({ spans: list(span) })),
    }),
  ),
});

/** Decodes `application/json`; malformed JSON or a wrong field is a 400 naming it. */
export function decodeJsonRequest(body: Uint8Array): OtlpExportRequest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw new ValidationError("Request body is not valid JSON.");
  }
  // Only the depth: strings that cannot be stored are made storable later (to-ingest-spans.ts).
  const problem = findJsonProblem(json, MAX_OTLP_JSON_DEPTH, { depthOnly: true });
  if (problem) {
    const { field, message } = describeJsonProblem(problem);
    throw new ValidationError(`Invalid request: ${field} ${message}`, { [field]: [message] });
  }
  const parsed = exportRequest.safeParse(json, { error: wireMessage });
  if (!parsed.success) throw validationError(parsed.error, 400);
  return parsed.data;
}
