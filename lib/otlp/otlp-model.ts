// The parts of an OTLP ExportTraceServiceRequest that Marginalia reads, typed
// loosely enough to hold both decodings: protobuf (ids as bytes, 64-bit
// integers as protobufjs Longs or numbers) and OTLP/JSON (ids as hex strings,
// 64-bit integers as decimal strings or numbers).

/** protobufjs decodes 64-bit integers to `long` objects when that package loads. */
export type LongLike = { toString(): string; low: number; high: number; unsigned?: boolean };
export type Int64 = number | string | bigint | LongLike;
export type OtlpId = Uint8Array | string;

export type OtlpAnyValue = {
  stringValue?: string | null;
  boolValue?: boolean | null;
  intValue?: Int64 | null;
  doubleValue?: number | string | null;
  bytesValue?: Uint8Array | string | null;
  arrayValue?: { values?: OtlpAnyValue[] | null } | null;
  kvlistValue?: { values?: OtlpKeyValue[] | null } | null;
};

export type OtlpKeyValue = { key?: string | null; value?: OtlpAnyValue | null };

export type OtlpEvent = { timeUnixNano?: Int64 | null; name?: string | null; attributes?: OtlpKeyValue[] | null };

export type OtlpStatus = { code?: number | string | null; message?: string | null };

export type OtlpSpan = {
  traceId?: OtlpId | null;
  spanId?: OtlpId | null;
  parentSpanId?: OtlpId | null;
  name?: string | null;
  startTimeUnixNano?: Int64 | null;
  endTimeUnixNano?: Int64 | null;
  attributes?: OtlpKeyValue[] | null;
  events?: OtlpEvent[] | null;
  status?: OtlpStatus | null;
};

export type OtlpResourceSpans = {
  resource?: { attributes?: OtlpKeyValue[] | null } | null;
  scopeSpans?: { spans?: OtlpSpan[] | null }[] | null;
};

export type OtlpExportRequest = { resourceSpans?: OtlpResourceSpans[] | null };
