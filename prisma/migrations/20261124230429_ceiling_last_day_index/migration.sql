-- CreateIndex
CREATE INDEX "CostResourceMonthCeiling_organizationId_month_lastDay_resou_idx" ON "CostResourceMonthCeiling"("organizationId", "month", "lastDay", "resourceKey");
