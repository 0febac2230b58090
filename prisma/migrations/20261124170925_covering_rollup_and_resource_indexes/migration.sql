-- DropIndex
DROP INDEX "CostDailyServiceRollup_organizationId_day_idx";

-- DropIndex
DROP INDEX "Resource_organizationId_isActive_connectionId_idx";

-- CreateIndex
CREATE INDEX "CostDailyServiceRollup_covering_idx" ON "CostDailyServiceRollup"("organizationId", "day", "connectionId", "providerId", "serviceName", "billedCost", "recordCount");

-- CreateIndex
CREATE INDEX "Resource_organizationId_isActive_connectionId_resourceType_idx" ON "Resource"("organizationId", "isActive", "connectionId", "resourceType");
