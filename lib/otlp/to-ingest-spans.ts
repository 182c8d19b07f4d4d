import { INT32_MAX, toStorableText } from "@/lib/api/storable-text";
import { ValidationError } from "@/lib/errors";
import type { Attributes, IngestSpan } from "@/lib/ingest/span-input";
import { flattenAttributes } from "./flatten-attributes";
import type { Int64, OtlpExportRequest, OtlpId, OtlpSpan, OtlpStatus } from "./otlp-model";

export const DEFAULT_PROJECT = "default";
export const PROJECT_ATTRIBUTE = "openinference.project.name";

const STATUS_CODES = ["UNSET", "OK", "ERROR"] as const;
type StatusCode = (typeof STATUS_CODES)[number];

function hexId(id: OtlpId | null | undefined, bytes: number, where: string): string | null {
  if (id == null || id.length === 0) return null;
  let hex: string | null = null;
  if (typeof id !== "string") {
    hex = id.length === bytes ? Buffer.from(id.buffer, id.byteOffset, id.byteLength).toString("hex") : null;
  } else if (id.length === bytes * 2 && /^[0-9a-f]+$/i.test(id)) {
    hex = id.toLowerCase();
  } else {
    // Some older OTLP/JSON exporters sent ids as base64 (proto3 JSON's form for bytes).
    const decoded = Buffer.from(id, "base64");
    hex = decoded.length === bytes ? decoded.toString("hex") : null;
  }
  if (hex === null) throw new ValidationError(`${where} must be ${bytes} bytes (${bytes * 2} hex characters).`);
  return /^0+$/.test(hex) ? null : hex; // all zeroes is OTLP's "invalid id"
}

function requiredId(id: OtlpId | null | undefined, bytes: number, where: string): string {
  const hex = hexId(id, bytes, where);
  if (hex === null) throw new ValidationError(`${where} is missing or all zeroes.`);
  return hex;
}

/** Unix nanoseconds to a Date (millisecond precision, as the database keeps it). */
export function nanosToDate(value: Int64 | null | undefined): Date {
  if (value == null) return new Date(0);
  const nanos = BigInt(typeof value === "object" ? value.toString() : value);
  return new Date(Number(nanos / 1_000_000n));
}

function statusOf(status: OtlpStatus | null | undefined): { statusCode: StatusCode; statusMessage: string } {
  const code = status?.code;
  // JSON may carry the enum's name (STATUS_CODE_ERROR) instead of its number.
  const byName = typeof code === "string" ? STATUS_CODES.find((c) => code.toUpperCase() === `STATUS_CODE_${c}`) : undefined;
  const statusCode = byName ?? STATUS_CODES[Number(code ?? 0)] ?? "UNSET";
  return { statusCode, statusMessage: toStorableText(status?.message ?? "") };
}

// What cannot be stored is handled per kind, never as a 500 nor half a batch:
// - Text (span and event names, status messages, attribute keys and strings)
//   with NUL or a lone surrogate is kept with U+FFFD in their place: an
//   exporter cannot fix and resend a batch it was refused, and would lose every
//   other span in it; U+FFFD is what a UTF-8 decoder puts for what it cannot read.
// - Numbers that fill 32-bit integer columns (token counts, the retrieval
//   document index behind `document_count`, see lib/ingest/span-columns.ts) have
//   no faithful replacement: the request is refused (400) naming the attribute.
const TOKEN_COUNTS = ["llm.token_count.prompt", "llm.token_count.completion", "llm.token_count.total"];
const DOCUMENT_KEY = /^retrieval\.documents\.(\d+)\.document\./; // as span-columns.ts reads them

function refuseUnstorableNumbers(attributes: Attributes, where: string): void {
  for (const key of TOKEN_COUNTS) {
    const value = Math.round(Number(attributes[key]));
    // Negative counts are refused too: their sums per trace would underflow the same columns.
    if (attributes[key] !== undefined && Number.isFinite(value) && (value < 0 || value > INT32_MAX)) {
      throw new ValidationError(`Invalid request: ${where}.attributes.${key} must be from 0 to ${INT32_MAX}.`, {
        [`${where}.attributes.${key}`]: [`must be from 0 to ${INT32_MAX}`],
      });
    }
  }
  for (const key of Object.keys(attributes)) {
    if (!key.startsWith("retrieval.documents.")) continue;
    const index = Number(DOCUMENT_KEY.exec(key)?.[1] ?? 0);
    // The count is the highest index + 1, so the index stays below the column's maximum.
    if (index >= INT32_MAX) {
      throw new ValidationError(`Invalid request: ${where}.attributes.${key} has a document index above ${INT32_MAX - 1}.`, {
        [`${where}.attributes.${key}`]: [`document index must be at most ${INT32_MAX - 1}`],
      });
    }
  }
}

function toIngestSpan(span: OtlpSpan, projectName: string, where: string): IngestSpan {
  const name = toStorableText(span.name ?? "");
  const attributes = flattenAttributes(span.attributes);
  refuseUnstorableNumbers(attributes, where);
  return {
    projectName,
    traceId: requiredId(span.traceId, 16, `${where}.traceId`),
    spanId: requiredId(span.spanId, 8, `${where}.spanId`),
    parentSpanId: hexId(span.parentSpanId, 8, `${where}.parentSpanId`),
    name: name || "(unnamed)",
    startTime: nanosToDate(span.startTimeUnixNano),
    endTime: nanosToDate(span.endTimeUnixNano),
    ...statusOf(span.status),
    attributes,
    events: (span.events ?? []).map((event) => ({
      name: toStorableText(event.name ?? ""),
      timestamp: nanosToDate(event.timeUnixNano),
      attributes: flattenAttributes(event.attributes),
    })),
  };
}

function projectOf(resourceAttributes: ReturnType<typeof flattenAttributes>, header: string | null): string {
  if (header?.trim()) return header.trim();
  const fromResource = resourceAttributes[PROJECT_ATTRIBUTE];
  return typeof fromResource === "string" && fromResource.trim() ? fromResource.trim() : DEFAULT_PROJECT;
}

/**
 * The spans of an export request as `ingestSpans` takes them. The project is
 * the `x-project-name` header, else the resource's `openinference.project.name`,
 * else "default".
 */
export function toIngestSpans(request: OtlpExportRequest, projectHeader: string | null): IngestSpan[] {
  const spans: IngestSpan[] = [];
  (request.resourceSpans ?? []).forEach((resourceSpans, r) => {
    const projectName = projectOf(flattenAttributes(resourceSpans.resource?.attributes), projectHeader);
    (resourceSpans.scopeSpans ?? []).forEach((scopeSpans, s) => {
      (scopeSpans.spans ?? []).forEach((span, i) => {
        spans.push(toIngestSpan(span, projectName, `resourceSpans.${r}.scopeSpans.${s}.spans.${i}`));
      });
    });
  });
  return spans;
}
