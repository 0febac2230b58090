-- CreateTable
CREATE TABLE "CostDailyServiceRollup" (
    "organizationId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "serviceName" TEXT NOT NULL DEFAULT '',
    "currency" CHAR(3) NOT NULL,
    "billedCost" DECIMAL(18,4) NOT NULL,
    "effectiveCost" DECIMAL(18,4) NOT NULL,
    "recordCount" INTEGER NOT NULL,

    CONSTRAINT "CostDailyServiceRollup_pkey" PRIMARY KEY ("connectionId","day","serviceName","currency")
);

-- CreateTable
CREATE TABLE "CostResourceMonthly" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "providerResourceId" TEXT NOT NULL,
    "serviceName" TEXT NOT NULL DEFAULT '',
    "regionId" TEXT NOT NULL DEFAULT '',
    "subAccountId" TEXT NOT NULL DEFAULT '',
    "resourceType" TEXT NOT NULL DEFAULT '',
    "currency" CHAR(3) NOT NULL,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "resourceName" TEXT,
    "firstDay" DATE NOT NULL,
    "lastDay" DATE NOT NULL,
    "billedCost" DECIMAL(18,4) NOT NULL,
    "effectiveCost" DECIMAL(18,4) NOT NULL,
    "recordCount" INTEGER NOT NULL,

    CONSTRAINT "CostResourceMonthly_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CostDailyServiceRollup_organizationId_day_idx" ON "CostDailyServiceRollup"("organizationId", "day");

-- CreateIndex
CREATE INDEX "CostResourceMonthly_organizationId_month_idx" ON "CostResourceMonthly"("organizationId", "month");

-- CreateIndex
CREATE INDEX "CostResourceMonthly_connectionId_month_idx" ON "CostResourceMonthly"("connectionId", "month");

-- CreateIndex
CREATE INDEX "CostRecord_organizationId_providerResourceId_chargePeriodSt_idx" ON "CostRecord"("organizationId", "providerResourceId", "chargePeriodStart", "billedCost");

-- CreateIndex
CREATE INDEX "Resource_organizationId_isActive_connectionId_idx" ON "Resource"("organizationId", "isActive", "connectionId");

-- CreateIndex
CREATE INDEX "Resource_organizationId_projectId_projectName_idx" ON "Resource"("organizationId", "projectId", "projectName");

-- AddForeignKey
ALTER TABLE "CostDailyServiceRollup" ADD CONSTRAINT "CostDailyServiceRollup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostDailyServiceRollup" ADD CONSTRAINT "CostDailyServiceRollup_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "CloudConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostResourceMonthly" ADD CONSTRAINT "CostResourceMonthly_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostResourceMonthly" ADD CONSTRAINT "CostResourceMonthly_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "CloudConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: the monthly per-resource rollup of the cost records that already exist (later writes keep it current).
INSERT INTO "CostResourceMonthly" ("organizationId", "connectionId", "providerId", "month", "providerResourceId", "serviceName", "regionId", "subAccountId", "resourceType", "currency", "tags", "resourceName", "firstDay", "lastDay", "billedCost", "effectiveCost", "recordCount")
SELECT cr."organizationId", cr."connectionId", c."providerId", date_trunc('month', cr."chargePeriodStart")::date, cr."providerResourceId",
       COALESCE(cr."serviceName", ''), COALESCE(cr."regionId", ''), COALESCE(cr."subAccountId", ''), COALESCE(cr."resourceType", ''), cr."billingCurrency", cr."tags",
       MAX(cr."resourceName"), MIN(cr."chargePeriodStart"), MAX(cr."chargePeriodStart"), SUM(cr."billedCost"), SUM(cr."effectiveCost"), COUNT(*)::int
FROM "CostRecord" cr JOIN "CloudConnection" c ON c."id" = cr."connectionId"
GROUP BY cr."organizationId", cr."connectionId", c."providerId", 4, cr."providerResourceId", 6, 7, 8, 9, cr."billingCurrency", cr."tags";

-- Backfill: the per-service daily rollup from the daily rollup.
INSERT INTO "CostDailyServiceRollup" ("organizationId", "connectionId", "providerId", "day", "serviceName", "currency", "billedCost", "effectiveCost", "recordCount")
SELECT r."organizationId", r."connectionId", r."providerId", r."day", r."serviceName", r."currency", SUM(r."billedCost"), SUM(r."effectiveCost"), SUM(r."recordCount")::int
FROM "CostDailyRollup" r
GROUP BY r."organizationId", r."connectionId", r."providerId", r."day", r."serviceName", r."currency";
