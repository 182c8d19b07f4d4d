import { stringify } from "csv-stringify/sync";
import { prisma } from "@/lib/db";
import { RESERVED_NOTE_NAME } from "@/lib/annotations/wire-schemas";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { NotFoundError, UnprocessableError } from "@/lib/errors";
import { loadQueue } from "@/lib/queues/queue-store";
import { annotationReader } from "@/lib/review/blind-review";
import { cursorStream, type Row } from "./cursor-stream";
import type { ExportQuery } from "./export-query";
import { exportConditions, longColumns, longFormSql, wideColumnsSql, wideTargetColumns, wideFormSql, type WideColumn } from "./export-sql";

export type ExportProject = { id: number; name: string; blindReview: boolean };
export type ExportFile = { body: ReadableStream<Uint8Array>; contentType: string; filename: string };

// Postgres allows 1664 result columns; a wide export past this asks for a narrower rubric filter.
export const MAX_WIDE_COLUMNS = 1500;

const contentTypes = { csv: "text/csv; charset=utf-8", jsonl: "application/x-ndjson; charset=utf-8" } as const;

// `header`: the file's column names; `keys`: each one's key in the rows' JSON (the same, or c<index>).
// Values are JSON's: numbers stay numbers in JSONL and become their shortest text in CSV; null is an empty cell.
function encoder(format: ExportQuery["format"], header: readonly string[], keys: readonly string[] = header) {
  const sameKeys = keys.every((key, i) => key === header[i]);
  if (format === "jsonl") {
    // Postgres wrote the line already when the keys are the file's.
    if (sameKeys) return (rows: Row[]) => rows.map((row) => `${row.r}\n`).join("");
    return (rows: Row[]) =>
      rows.map((row) => {
        const values = JSON.parse(row.r) as Record<string, unknown>;
        return `${JSON.stringify(Object.fromEntries(header.map((name, i) => [name, values[keys[i]] ?? null])))}\n`;
      }).join("");
  }
  const options = { cast: { number: (n: number) => String(n) } };
  return (rows: Row[], first: boolean) => {
    const records = rows.map((row) => {
      const values = JSON.parse(row.r) as Record<string, unknown>;
      return keys.map((key) => values[key] ?? null);
    });
    return (first ? stringify([[...header]]) : "") + stringify(records, options);
  };
}

/** The file name: project, form and today's date (UTC), e.g. `acme-annotations-long-2026-12-02.csv`. */
export function exportFilename(projectName: string, query: Pick<ExportQuery, "form" | "format">, now = new Date()): string {
  const safe = projectName.replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^-+|-+$/g, "") || "project";
  return `${safe}-annotations-${query.form}-${now.toISOString().slice(0, 10)}.${query.format}`;
}

/**
 * A project's annotations and notes as CSV or JSONL, long or wide (see export-query.ts),
 * streamed from a database cursor. Blind review applies as on every read: a reviewer
 * exports only the values they may see.
 */
export async function exportAnnotations(
  actor: Actor | null,
  project: ExportProject,
  query: ExportQuery,
  options: { signal?: AbortSignal; fetchSize?: number; idleTimeoutMs?: number } = {},
): Promise<ExportFile> {
  authorize(actor, "read");
  const reader = annotationReader(actor, project);
  const queue = query.queue === undefined ? null : await loadQueue(project, query.queue).catch((error) => {
    if (error instanceof NotFoundError) throw new UnprocessableError(`Invalid request: queue ${error.message}`, { queue: [error.message] });
    throw error;
  });
  const conditions = exportConditions(project.id, query, reader, queue);
  const filename = exportFilename(project.name, query);
  const contentType = contentTypes[query.format];

  if (query.form === "long") {
    const body = await cursorStream(longFormSql(conditions), encoder(query.format, longColumns), options);
    return { body, contentType, filename };
  }

  const columns = await prisma.$queryRaw<WideColumn[]>(wideColumnsSql(conditions));
  const withNotes = !query.rubric || query.rubric.includes(RESERVED_NOTE_NAME);
  const { header, sql } = wideFormSql(conditions, columns, withNotes);
  if (header.length > MAX_WIDE_COLUMNS) {
    const message = `gives ${header.length} columns, more than ${MAX_WIDE_COLUMNS}: name fewer rubrics`;
    throw new UnprocessableError(`Invalid request: rubric ${message}`, { rubric: [message] });
  }
  const body = await cursorStream(sql, encoder(query.format, header, header.map((name, i) => (i < wideTargetColumns.length ? name : `c${i}`))), options);
  return { body, contentType, filename };
}
