import { z } from "zod";
import { spanKinds, statusCodes } from "@/lib/search-params";
import { UnprocessableError } from "@/lib/errors";
import { parseAttributeFilter, type AttributeFilter } from "@/lib/spans/span-attribute-filter";
import type { SpanQuery } from "@/lib/spans/query-spans";
import { cursorRowId } from "./global-id";
import { parseWith } from "./handler";
import { unstorableReason } from "./storable-text";
import { limitParam, listOf, listParam, queryObject, timeParam } from "./query-params";

// The query string of Phoenix's span reads (`/spans` and `/spans/otlpv1`).
const LISTS = ["trace_id", "span_id", "name", "span_kind", "status_code", "attribute"] as const;

const enumList = <T extends readonly [string, ...string[]]>(values: T) =>
  listOf(z.string().transform((v) => v.toUpperCase()).pipe(z.enum(values, { error: `must be one of ${values.join(", ")}` })));

const spanQuerySchema = z.object({
  cursor: z.string().optional(),
  limit: limitParam(1000),
  start_time: timeParam,
  end_time: timeParam,
  trace_id: listParam(),
  span_id: listParam(),
  parent_id: z.string().min(1).optional(),
  name: listParam(),
  span_kind: enumList(spanKinds),
  status_code: enumList(statusCodes),
  attribute: listParam(),
});

// The value is read as JSON, so `key:"\u0000"` unescapes to what the URL check let through.
function attributeFilter(text: string): AttributeFilter {
  const filter = parseAttributeFilter(text);
  const reason = typeof filter.value === "string" ? unstorableReason(filter.value) : null;
  if (reason) throw new UnprocessableError(`Invalid request: attribute ${reason}`, { attribute: [reason] });
  return filter;
}

export function parseSpanQuery(url: URL): SpanQuery {
  const q = parseWith(spanQuerySchema, queryObject(url, LISTS));
  const nonEmpty = <T>(list: T[] | undefined) => (list && list.length ? list : undefined);
  return {
    limit: q.limit,
    cursorId: cursorRowId(q.cursor, "Span"),
    startTime: q.start_time,
    endTime: q.end_time,
    traceIds: nonEmpty(q.trace_id),
    spanIds: nonEmpty(q.span_id),
    parentId: q.parent_id === "null" ? null : q.parent_id,
    names: nonEmpty(q.name),
    spanKinds: nonEmpty(q.span_kind),
    statusCodes: nonEmpty(q.status_code),
    attributes: q.attribute?.map(attributeFilter),
  };
}
