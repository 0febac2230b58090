-- CreateIndex
CREATE INDEX "CostResourceMonthly_organizationId_providerResourceId_month_idx" ON "CostResourceMonthly"("organizationId", "providerResourceId", "month");
