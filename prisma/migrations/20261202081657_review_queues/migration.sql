-- CreateEnum
CREATE TYPE "QueueTargetKind" AS ENUM ('TRACE', 'SPAN', 'SESSION');

-- CreateEnum
CREATE TYPE "QueueReviewStatus" AS ENUM ('DONE', 'SKIPPED');

-- CreateTable
CREATE TABLE "review_queues" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "instructions" TEXT NOT NULL DEFAULT '',
    "target_kind" "QueueTargetKind" NOT NULL,
    "reviews_needed" INTEGER NOT NULL DEFAULT 1,
    "claim_timeout_seconds" INTEGER NOT NULL DEFAULT 900,
    "due_at" TIMESTAMPTZ(3),
    "open_to_all_reviewers" BOOLEAN NOT NULL DEFAULT true,
    "rule" TEXT,
    "rule_filled_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "review_queues_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "queue_rubrics" (
    "queue_id" INTEGER NOT NULL,
    "rubric_id" INTEGER NOT NULL,

    CONSTRAINT "queue_rubrics_pkey" PRIMARY KEY ("queue_id","rubric_id")
);

-- CreateTable
CREATE TABLE "queue_reviewers" (
    "queue_id" INTEGER NOT NULL,
    "user_id" UUID NOT NULL,

    CONSTRAINT "queue_reviewers_pkey" PRIMARY KEY ("queue_id","user_id")
);

-- CreateTable
CREATE TABLE "queue_items" (
    "id" SERIAL NOT NULL,
    "queue_id" INTEGER NOT NULL,
    "target_id" INTEGER NOT NULL,
    "done_count" INTEGER NOT NULL DEFAULT 0,
    "completed_at" TIMESTAMPTZ(3),
    "claimed_by_id" UUID,
    "claimed_at" TIMESTAMPTZ(3),
    "claim_expires_at" TIMESTAMPTZ(3),
    "assigned_to_id" UUID,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "queue_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "queue_reviews" (
    "item_id" INTEGER NOT NULL,
    "user_id" UUID NOT NULL,
    "status" "QueueReviewStatus" NOT NULL,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "queue_reviews_pkey" PRIMARY KEY ("item_id","user_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "review_queues_project_id_name_key" ON "review_queues"("project_id", "name");

-- CreateIndex
CREATE INDEX "queue_rubrics_rubric_id_idx" ON "queue_rubrics"("rubric_id");

-- CreateIndex
CREATE INDEX "queue_reviewers_user_id_idx" ON "queue_reviewers"("user_id");

-- CreateIndex
CREATE INDEX "queue_items_queue_id_completed_at_id_idx" ON "queue_items"("queue_id", "completed_at", "id");

-- CreateIndex
CREATE INDEX "queue_items_claimed_by_id_idx" ON "queue_items"("claimed_by_id");

-- CreateIndex
CREATE INDEX "queue_items_assigned_to_id_idx" ON "queue_items"("assigned_to_id");

-- CreateIndex
CREATE UNIQUE INDEX "queue_items_queue_id_target_id_key" ON "queue_items"("queue_id", "target_id");

-- CreateIndex
CREATE INDEX "queue_reviews_user_id_idx" ON "queue_reviews"("user_id");

-- AddForeignKey
ALTER TABLE "review_queues" ADD CONSTRAINT "review_queues_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_queues" ADD CONSTRAINT "review_queues_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "queue_rubrics" ADD CONSTRAINT "queue_rubrics_queue_id_fkey" FOREIGN KEY ("queue_id") REFERENCES "review_queues"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "queue_rubrics" ADD CONSTRAINT "queue_rubrics_rubric_id_fkey" FOREIGN KEY ("rubric_id") REFERENCES "rubrics"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "queue_reviewers" ADD CONSTRAINT "queue_reviewers_queue_id_fkey" FOREIGN KEY ("queue_id") REFERENCES "review_queues"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "queue_reviewers" ADD CONSTRAINT "queue_reviewers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "queue_items" ADD CONSTRAINT "queue_items_queue_id_fkey" FOREIGN KEY ("queue_id") REFERENCES "review_queues"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "queue_items" ADD CONSTRAINT "queue_items_claimed_by_id_fkey" FOREIGN KEY ("claimed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "queue_items" ADD CONSTRAINT "queue_items_assigned_to_id_fkey" FOREIGN KEY ("assigned_to_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "queue_reviews" ADD CONSTRAINT "queue_reviews_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "queue_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "queue_reviews" ADD CONSTRAINT "queue_reviews_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
