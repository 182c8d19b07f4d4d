-- Exact substring search of traces (order numbers, emails, amounts): ILIKE over a
-- trigram index of the root span's input and output. Prisma 7 no longer declares
-- extensions in the schema, so the extension is created here.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "traces" ADD COLUMN     "search_text" TEXT;

-- Backfill from the root spans, as lib/ingest/refresh-summaries.ts keeps it (before the index, which builds faster once).
UPDATE "traces" t SET "search_text" = left(coalesce(r."input_value", ''), 100000) || E'\n' || left(coalesce(r."output_value", ''), 100000)
FROM "spans" r WHERE r."trace_row_id" = t."id" AND r."span_id" = t."root_span_id";

-- CreateIndex
CREATE INDEX "traces_search_text_idx" ON "traces" USING GIN ("search_text" gin_trgm_ops);
