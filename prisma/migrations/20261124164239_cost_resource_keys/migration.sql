-- DropIndex
DROP INDEX "CostRecord_organizationId_chargePeriodStart_connectionId_pr_idx";

-- DropIndex
DROP INDEX "CostResourceMonthly_ranking_idx";

-- CreateTable
CREATE TABLE "CostResourceKey" (
    "id" SERIAL NOT NULL,
    "organizationId" TEXT NOT NULL,
    "providerResourceId" TEXT NOT NULL,

    CONSTRAINT "CostResourceKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CostResourceKey_organizationId_providerResourceId_key" ON "CostResourceKey"("organizationId", "providerResourceId");

-- AddForeignKey
ALTER TABLE "CostResourceKey" ADD CONSTRAINT "CostResourceKey_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Keys for every billed object already recorded (the rollup refresh assigns them from now on), then the records'
-- and the monthly rows' keys, before the monthly column becomes NOT NULL.
INSERT INTO "CostResourceKey" ("organizationId", "providerResourceId")
SELECT DISTINCT "organizationId", "providerResourceId" FROM "CostRecord" ORDER BY 1, 2;

ALTER TABLE "CostRecord" ADD COLUMN "resourceKey" INTEGER;
UPDATE "CostRecord" r SET "resourceKey" = k."id"
FROM "CostResourceKey" k WHERE k."organizationId" = r."organizationId" AND k."providerResourceId" = r."providerResourceId";

ALTER TABLE "CostResourceMonthly" ADD COLUMN "resourceKey" INTEGER;
UPDATE "CostResourceMonthly" m SET "resourceKey" = k."id"
FROM "CostResourceKey" k WHERE k."organizationId" = m."organizationId" AND k."providerResourceId" = m."providerResourceId";
ALTER TABLE "CostResourceMonthly" ALTER COLUMN "resourceKey" SET NOT NULL;

-- CreateIndex
CREATE INDEX "CostRecord_organizationId_chargePeriodStart_resourceKey_con_idx" ON "CostRecord"("organizationId", "chargePeriodStart", "resourceKey", "connectionId", "billedCost");

-- CreateIndex
CREATE INDEX "CostResourceMonthly_ranking_idx" ON "CostResourceMonthly"("organizationId", "month", "resourceKey", "connectionId", "firstDay", "billedCost");
