-- DropIndex
DROP INDEX "CostResourceMonthly_ranking_idx";

-- CreateIndex
CREATE INDEX "CostResourceMonthly_ranking_idx" ON "CostResourceMonthly"("organizationId", "month", "connectionId", "providerResourceId", "firstDay", "billedCost");
