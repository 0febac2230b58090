-- AlterTable
ALTER TABLE "CostResourceMonthCeiling" ADD COLUMN     "previousMonth" DATE;

-- CreateIndex
CREATE INDEX "CostResourceMonthCeiling_organizationId_month_previousMonth_idx" ON "CostResourceMonthCeiling"("organizationId", "month", "previousMonth");

-- CreateIndex
CREATE INDEX "CostResourceMonthCeiling_organizationId_resourceKey_month_idx" ON "CostResourceMonthCeiling"("organizationId", "resourceKey", "month");

-- Backfill: each row's previous month with charges of the same object.
UPDATE "CostResourceMonthCeiling" c SET "previousMonth" = x.previous
FROM (SELECT "organizationId", "resourceKey", "month", LAG("month") OVER (PARTITION BY "organizationId", "resourceKey" ORDER BY "month") AS previous FROM "CostResourceMonthCeiling") x
WHERE c."organizationId" = x."organizationId" AND c."resourceKey" = x."resourceKey" AND c."month" = x."month" AND x.previous IS NOT NULL;
