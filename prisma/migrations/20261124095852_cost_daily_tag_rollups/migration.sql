-- CreateTable
CREATE TABLE "CostDailyTagRollup" (
    "organizationId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "tagKey" TEXT NOT NULL,
    "tagValue" TEXT NOT NULL,
    "serviceName" TEXT NOT NULL DEFAULT '',
    "currency" CHAR(3) NOT NULL,
    "billedCost" DECIMAL(18,4) NOT NULL,
    "effectiveCost" DECIMAL(18,4) NOT NULL,
    "recordCount" INTEGER NOT NULL,

    CONSTRAINT "CostDailyTagRollup_pkey" PRIMARY KEY ("connectionId","day","tagKey","tagValue","serviceName","currency")
);

-- CreateTable
CREATE TABLE "CostDailyTagValueRollup" (
    "organizationId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "tagKey" TEXT NOT NULL,
    "tagValue" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "billedCost" DECIMAL(18,4) NOT NULL,
    "effectiveCost" DECIMAL(18,4) NOT NULL,
    "recordCount" INTEGER NOT NULL,

    CONSTRAINT "CostDailyTagValueRollup_pkey" PRIMARY KEY ("connectionId","day","tagKey","tagValue","currency")
);

-- CreateIndex
CREATE INDEX "CostDailyTagRollup_organizationId_tagKey_tagValue_day_idx" ON "CostDailyTagRollup"("organizationId", "tagKey", "tagValue", "day");

-- CreateIndex
CREATE INDEX "CostDailyTagValueRollup_covering_idx" ON "CostDailyTagValueRollup"("organizationId", "tagKey", "day", "tagValue", "connectionId", "providerId", "billedCost", "recordCount");

-- CreateIndex
CREATE INDEX "CostResourceMonthly_ranking_idx" ON "CostResourceMonthly"("organizationId", "month", "connectionId", "providerResourceId", "billedCost");

-- AddForeignKey
ALTER TABLE "CostDailyTagRollup" ADD CONSTRAINT "CostDailyTagRollup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostDailyTagRollup" ADD CONSTRAINT "CostDailyTagRollup_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "CloudConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostDailyTagValueRollup" ADD CONSTRAINT "CostDailyTagValueRollup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostDailyTagValueRollup" ADD CONSTRAINT "CostDailyTagValueRollup_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "CloudConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
