-- DropIndex
DROP INDEX "CostRecord_organizationId_chargePeriodStart_idx";

-- CreateTable
CREATE TABLE "CostDailyRollup" (
    "organizationId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "serviceName" TEXT NOT NULL DEFAULT '',
    "regionId" TEXT NOT NULL DEFAULT '',
    "subAccountId" TEXT NOT NULL DEFAULT '',
    "resourceType" TEXT NOT NULL DEFAULT '',
    "currency" CHAR(3) NOT NULL,
    "billedCost" DECIMAL(18,4) NOT NULL,
    "effectiveCost" DECIMAL(18,4) NOT NULL,
    "recordCount" INTEGER NOT NULL,

    CONSTRAINT "CostDailyRollup_pkey" PRIMARY KEY ("connectionId","day","serviceName","regionId","subAccountId","resourceType","currency")
);

-- CreateIndex
CREATE INDEX "CostDailyRollup_organizationId_day_idx" ON "CostDailyRollup"("organizationId", "day");

-- CreateIndex
CREATE INDEX "CostRecord_organizationId_chargePeriodStart_connectionId_pr_idx" ON "CostRecord"("organizationId", "chargePeriodStart", "connectionId", "providerResourceId", "billedCost");

-- CreateIndex
CREATE INDEX "CostRecord_connectionId_chargePeriodStart_idx" ON "CostRecord"("connectionId", "chargePeriodStart");

-- AddForeignKey
ALTER TABLE "CostDailyRollup" ADD CONSTRAINT "CostDailyRollup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostDailyRollup" ADD CONSTRAINT "CostDailyRollup_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "CloudConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: roll up the cost records that already exist (later writes keep the rollup current).
INSERT INTO "CostDailyRollup" ("organizationId", "connectionId", "providerId", "day", "serviceName", "regionId", "subAccountId", "resourceType", "currency", "billedCost", "effectiveCost", "recordCount")
SELECT cr."organizationId", cr."connectionId", c."providerId", cr."chargePeriodStart", COALESCE(cr."serviceName", ''), COALESCE(cr."regionId", ''), COALESCE(cr."subAccountId", ''), COALESCE(cr."resourceType", ''), cr."billingCurrency", SUM(cr."billedCost"), SUM(cr."effectiveCost"), COUNT(*)::int
FROM "CostRecord" cr JOIN "CloudConnection" c ON c."id" = cr."connectionId"
GROUP BY cr."organizationId", cr."connectionId", c."providerId", cr."chargePeriodStart", COALESCE(cr."serviceName", ''), COALESCE(cr."regionId", ''), COALESCE(cr."subAccountId", ''), COALESCE(cr."resourceType", ''), cr."billingCurrency";
