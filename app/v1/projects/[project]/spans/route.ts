import { spanSearchRoute } from "@/lib/api/span-search-route";
import { toWireSpan } from "@/lib/api/span-wire";

// Phoenix: GET /v1/projects/{project}/spans?trace_id=…&attribute=key:value… → {data: [Span], next_cursor}.
export const GET = spanSearchRoute(toWireSpan);
