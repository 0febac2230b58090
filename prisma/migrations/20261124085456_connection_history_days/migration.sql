-- AlterTable
ALTER TABLE "CloudConnection" ADD COLUMN     "historyDays" INTEGER NOT NULL DEFAULT 90;
