-- CreateEnum
CREATE TYPE "ReviewListKind" AS ENUM ('TRACE', 'SESSION');

-- CreateTable
CREATE TABLE "review_lists" (
    "id" UUID NOT NULL,
    "project_id" INTEGER NOT NULL,
    "user_id" UUID,
    "kind" "ReviewListKind" NOT NULL,
    "item_ids" INTEGER[],
    "capped" BOOLEAN NOT NULL DEFAULT false,
    "query" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_lists_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "review_lists_created_at_idx" ON "review_lists"("created_at");

-- CreateIndex
CREATE INDEX "sessions_project_id_trace_count_id_idx" ON "sessions"("project_id", "trace_count", "id");

-- CreateIndex
CREATE INDEX "sessions_project_id_user_id_idx" ON "sessions"("project_id", "user_id");

-- AddForeignKey
ALTER TABLE "review_lists" ADD CONSTRAINT "review_lists_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_lists" ADD CONSTRAINT "review_lists_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
