-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'LEAD', 'REVIEWER', 'VIEWER');

-- CreateEnum
CREATE TYPE "SpanKind" AS ENUM ('LLM', 'CHAIN', 'RETRIEVER', 'TOOL', 'AGENT', 'EMBEDDING', 'RERANKER', 'GUARDRAIL', 'EVALUATOR', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "StatusCode" AS ENUM ('UNSET', 'OK', 'ERROR');

-- CreateEnum
CREATE TYPE "AnnotationTarget" AS ENUM ('SPAN', 'TRACE', 'DOCUMENT', 'SESSION');

-- CreateEnum
CREATE TYPE "AnnotatorKind" AS ENUM ('HUMAN', 'LLM', 'CODE');

-- CreateEnum
CREATE TYPE "AnnotationSource" AS ENUM ('API', 'APP');

-- CreateEnum
CREATE TYPE "HistoryAction" AS ENUM ('UPDATE', 'DELETE');

-- CreateEnum
CREATE TYPE "RubricType" AS ENUM ('CATEGORICAL', 'CONTINUOUS', 'FREEFORM');

-- CreateEnum
CREATE TYPE "OptimizationDirection" AS ENUM ('MAXIMIZE', 'MINIMIZE', 'NONE');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'REVIEWER',
    "password_hash" TEXT,
    "deactivated_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "projects" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "blind_review" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" SERIAL NOT NULL,
    "session_id" TEXT NOT NULL,
    "project_id" INTEGER NOT NULL,
    "start_time" TIMESTAMPTZ(3) NOT NULL,
    "end_time" TIMESTAMPTZ(3) NOT NULL,
    "trace_count" INTEGER NOT NULL DEFAULT 0,
    "first_input" TEXT,
    "last_output" TEXT,
    "user_id" TEXT,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "traces" (
    "id" SERIAL NOT NULL,
    "trace_id" TEXT NOT NULL,
    "project_id" INTEGER NOT NULL,
    "session_row_id" INTEGER,
    "root_span_id" TEXT,
    "root_span_name" TEXT,
    "root_span_kind" "SpanKind",
    "status_code" "StatusCode" NOT NULL DEFAULT 'UNSET',
    "start_time" TIMESTAMPTZ(3) NOT NULL,
    "end_time" TIMESTAMPTZ(3) NOT NULL,
    "latency_ms" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "span_count" INTEGER NOT NULL DEFAULT 0,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "prompt_tokens" INTEGER NOT NULL DEFAULT 0,
    "completion_tokens" INTEGER NOT NULL DEFAULT 0,
    "total_tokens" INTEGER NOT NULL DEFAULT 0,
    "input_preview" TEXT,
    "output_preview" TEXT,
    "search_vector" tsvector,

    CONSTRAINT "traces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "spans" (
    "id" SERIAL NOT NULL,
    "span_id" TEXT NOT NULL,
    "trace_row_id" INTEGER NOT NULL,
    "project_id" INTEGER NOT NULL,
    "parent_span_id" TEXT,
    "name" TEXT NOT NULL,
    "span_kind" "SpanKind" NOT NULL DEFAULT 'UNKNOWN',
    "status_code" "StatusCode" NOT NULL DEFAULT 'UNSET',
    "status_message" TEXT NOT NULL DEFAULT '',
    "start_time" TIMESTAMPTZ(3) NOT NULL,
    "end_time" TIMESTAMPTZ(3) NOT NULL,
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "events" JSONB NOT NULL DEFAULT '[]',
    "input_value" TEXT,
    "input_mime_type" TEXT,
    "output_value" TEXT,
    "output_mime_type" TEXT,
    "prompt_tokens" INTEGER,
    "completion_tokens" INTEGER,
    "total_tokens" INTEGER,
    "document_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "spans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "annotations" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "target_type" "AnnotationTarget" NOT NULL,
    "target_id" INTEGER NOT NULL,
    "document_position" INTEGER NOT NULL DEFAULT -1,
    "span_row_id" INTEGER,
    "trace_row_id" INTEGER,
    "session_row_id" INTEGER,
    "name" TEXT NOT NULL,
    "label" TEXT,
    "score" DOUBLE PRECISION,
    "explanation" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "annotator_kind" "AnnotatorKind" NOT NULL DEFAULT 'HUMAN',
    "identifier" TEXT NOT NULL DEFAULT '',
    "source" "AnnotationSource" NOT NULL DEFAULT 'API',
    "user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "annotations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "annotation_history" (
    "id" BIGSERIAL NOT NULL,
    "annotation_id" INTEGER NOT NULL,
    "action" "HistoryAction" NOT NULL,
    "project_id" INTEGER NOT NULL,
    "target_type" "AnnotationTarget" NOT NULL,
    "target_id" INTEGER NOT NULL,
    "document_position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "label" TEXT,
    "score" DOUBLE PRECISION,
    "explanation" TEXT,
    "metadata" JSONB NOT NULL,
    "annotator_kind" "AnnotatorKind" NOT NULL,
    "identifier" TEXT NOT NULL,
    "source" "AnnotationSource" NOT NULL,
    "user_id" UUID,
    "version_at" TIMESTAMPTZ(3) NOT NULL,
    "replaced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replaced_by_id" UUID,

    CONSTRAINT "annotation_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rubrics" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "type" "RubricType" NOT NULL,
    "description" TEXT,
    "optimization_direction" "OptimizationDirection" NOT NULL DEFAULT 'NONE',
    "values" JSONB NOT NULL DEFAULT '[]',
    "lower_bound" DOUBLE PRECISION,
    "upper_bound" DOUBLE PRECISION,
    "targets" "AnnotationTarget"[] DEFAULT ARRAY['TRACE']::"AnnotationTarget"[],
    "span_kinds" "SpanKind"[] DEFAULT ARRAY[]::"SpanKind"[],
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rubrics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_rubrics" (
    "project_id" INTEGER NOT NULL,
    "rubric_id" INTEGER NOT NULL,

    CONSTRAINT "project_rubrics_pkey" PRIMARY KEY ("project_id","rubric_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "projects_name_key" ON "projects"("name");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_session_id_key" ON "sessions"("session_id");

-- CreateIndex
CREATE INDEX "sessions_project_id_start_time_id_idx" ON "sessions"("project_id", "start_time" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "traces_trace_id_key" ON "traces"("trace_id");

-- CreateIndex
CREATE INDEX "traces_project_id_start_time_id_idx" ON "traces"("project_id", "start_time" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "traces_project_id_latency_ms_id_idx" ON "traces"("project_id", "latency_ms" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "traces_project_id_total_tokens_id_idx" ON "traces"("project_id", "total_tokens" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "traces_project_id_status_code_start_time_id_idx" ON "traces"("project_id", "status_code", "start_time" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "traces_project_id_root_span_kind_start_time_id_idx" ON "traces"("project_id", "root_span_kind", "start_time" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "traces_session_row_id_start_time_idx" ON "traces"("session_row_id", "start_time");

-- CreateIndex
CREATE INDEX "traces_search_vector_idx" ON "traces" USING GIN ("search_vector");

-- CreateIndex
CREATE UNIQUE INDEX "spans_span_id_key" ON "spans"("span_id");

-- CreateIndex
CREATE INDEX "spans_trace_row_id_start_time_idx" ON "spans"("trace_row_id", "start_time");

-- CreateIndex
CREATE INDEX "spans_project_id_start_time_id_idx" ON "spans"("project_id", "start_time" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "spans_project_id_span_kind_start_time_id_idx" ON "spans"("project_id", "span_kind", "start_time" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "spans_project_id_name_idx" ON "spans"("project_id", "name");

-- CreateIndex
CREATE INDEX "annotations_trace_row_id_name_idx" ON "annotations"("trace_row_id", "name");

-- CreateIndex
CREATE INDEX "annotations_span_row_id_idx" ON "annotations"("span_row_id");

-- CreateIndex
CREATE INDEX "annotations_session_row_id_idx" ON "annotations"("session_row_id");

-- CreateIndex
CREATE INDEX "annotations_project_id_name_created_at_idx" ON "annotations"("project_id", "name", "created_at");

-- CreateIndex
CREATE INDEX "annotations_user_id_idx" ON "annotations"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "annotations_target_type_target_id_document_position_name_id_key" ON "annotations"("target_type", "target_id", "document_position", "name", "identifier");

-- CreateIndex
CREATE INDEX "annotation_history_annotation_id_replaced_at_idx" ON "annotation_history"("annotation_id", "replaced_at");

-- CreateIndex
CREATE INDEX "annotation_history_target_type_target_id_idx" ON "annotation_history"("target_type", "target_id");

-- CreateIndex
CREATE UNIQUE INDEX "rubrics_name_key" ON "rubrics"("name");

-- CreateIndex
CREATE INDEX "project_rubrics_rubric_id_idx" ON "project_rubrics"("rubric_id");

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "traces" ADD CONSTRAINT "traces_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "traces" ADD CONSTRAINT "traces_session_row_id_fkey" FOREIGN KEY ("session_row_id") REFERENCES "sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "spans" ADD CONSTRAINT "spans_trace_row_id_fkey" FOREIGN KEY ("trace_row_id") REFERENCES "traces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "spans" ADD CONSTRAINT "spans_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_span_row_id_fkey" FOREIGN KEY ("span_row_id") REFERENCES "spans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_trace_row_id_fkey" FOREIGN KEY ("trace_row_id") REFERENCES "traces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_session_row_id_fkey" FOREIGN KEY ("session_row_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_rubrics" ADD CONSTRAINT "project_rubrics_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_rubrics" ADD CONSTRAINT "project_rubrics_rubric_id_fkey" FOREIGN KEY ("rubric_id") REFERENCES "rubrics"("id") ON DELETE CASCADE ON UPDATE CASCADE;
