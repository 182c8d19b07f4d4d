import { spanSearchRoute } from "@/lib/api/span-search-route";
import { toOtlpSpan } from "@/lib/api/span-wire";

// Phoenix: GET /v1/projects/{project}/spans/otlpv1 — the same search, spans in OTLP's JSON shape.
export const GET = spanSearchRoute(toOtlpSpan);
