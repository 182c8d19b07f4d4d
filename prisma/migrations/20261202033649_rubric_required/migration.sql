-- AlterTable
ALTER TABLE "rubrics" ADD COLUMN     "required" BOOLEAN NOT NULL DEFAULT false;
