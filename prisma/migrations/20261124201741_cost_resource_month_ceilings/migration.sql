-- CreateTable
CREATE TABLE "CostResourceMonthCeiling" (
    "organizationId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "resourceKey" INTEGER NOT NULL,
    "ceiling" DECIMAL(18,4) NOT NULL,

    CONSTRAINT "CostResourceMonthCeiling_pkey" PRIMARY KEY ("organizationId","month","resourceKey")
);

-- CreateIndex
CREATE INDEX "CostResourceMonthCeiling_top_idx" ON "CostResourceMonthCeiling"("organizationId", "month", "ceiling" DESC, "resourceKey");

-- AddForeignKey
ALTER TABLE "CostResourceMonthCeiling" ADD CONSTRAINT "CostResourceMonthCeiling_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill from the monthly rollup as it stands (the rollup refresh keeps it from now on).
INSERT INTO "CostResourceMonthCeiling" ("organizationId", "month", "resourceKey", "ceiling")
SELECT "organizationId", "month", "resourceKey", SUM(GREATEST("billedCost", 0))
FROM "CostResourceMonthly"
GROUP BY "organizationId", "month", "resourceKey";
