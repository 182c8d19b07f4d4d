import { z } from "zod";
import { configCursorSchema, encodeConfigCursor, toWireConfig } from "@/lib/rubrics/annotation-config-wire";
import type { Rubric } from "@/lib/rubrics/rubric-schemas";
import { parseWith } from "./handler";

// Query and response shapes shared by the two annotation config list routes.
const listQuerySchema = z.object({
  cursor: configCursorSchema,
  limit: z.coerce.number().int().positive().max(1000).default(100),
});

export function parseConfigListQuery(request: Request) {
  const params = new URL(request.url).searchParams;
  return parseWith(listQuerySchema, {
    cursor: params.get("cursor") ?? undefined,
    limit: params.get("limit") ?? undefined,
  });
}

export function configListResponse(page: { rows: Rubric[]; nextCursor: number | null }): Response {
  return Response.json({
    data: page.rows.map(toWireConfig),
    next_cursor: page.nextCursor === null ? null : encodeConfigCursor(page.nextCursor),
  });
}
