-- CreateIndex
CREATE INDEX "CostResourceMonthCeiling_organizationId_previousMonth_month_idx" ON "CostResourceMonthCeiling"("organizationId", "previousMonth", "month", "resourceKey");
