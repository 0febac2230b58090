-- CreateTable
CREATE TABLE "CostDailyOrgServiceRollup" (
    "organizationId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "serviceName" TEXT NOT NULL DEFAULT '',
    "currency" CHAR(3) NOT NULL,
    "billedCost" DECIMAL(18,4) NOT NULL,
    "effectiveCost" DECIMAL(18,4) NOT NULL,
    "recordCount" INTEGER NOT NULL,

    CONSTRAINT "CostDailyOrgServiceRollup_pkey" PRIMARY KEY ("organizationId","day","serviceName","currency")
);

-- CreateIndex
CREATE INDEX "CostDailyOrgServiceRollup_covering_idx" ON "CostDailyOrgServiceRollup"("organizationId", "day", "serviceName", "billedCost", "recordCount");

-- AddForeignKey
ALTER TABLE "CostDailyOrgServiceRollup" ADD CONSTRAINT "CostDailyOrgServiceRollup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill from the per-service rollup as it stands (the rollup refresh keeps it from now on).
INSERT INTO "CostDailyOrgServiceRollup" ("organizationId", "day", "serviceName", "currency", "billedCost", "effectiveCost", "recordCount")
SELECT "organizationId", "day", "serviceName", "currency", SUM("billedCost"), SUM("effectiveCost"), SUM("recordCount")::int
FROM "CostDailyServiceRollup" GROUP BY "organizationId", "day", "serviceName", "currency";
