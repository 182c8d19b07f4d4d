import { validationError } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/permissions";
import { projectReadRoute } from "@/lib/api/read-route";
import { exportAnnotations } from "@/lib/export/export-annotations";
import { exportQueryObject, exportQuerySchema } from "@/lib/export/export-query";

// Annotations and notes as a CSV or JSONL download (lib/export/export-query.ts lists the params).
// Browser session or `Authorization: Bearer <key>`.
export const GET = projectReadRoute(async (actor, project, request) => {
  authorize(actor, "read");
  const parsed = exportQuerySchema.safeParse(exportQueryObject(new URL(request.url).searchParams));
  if (!parsed.success) throw validationError(parsed.error);
  const file = await exportAnnotations(actor, project, parsed.data, { signal: request.signal });
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "x-content-type-options": "nosniff",
    },
  });
});
