-- CreateTable
CREATE TABLE "CostPeriodRollup" (
    "organizationId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "grain" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "serviceName" TEXT NOT NULL DEFAULT '',
    "regionId" TEXT NOT NULL DEFAULT '',
    "subAccountId" TEXT NOT NULL DEFAULT '',
    "resourceType" TEXT NOT NULL DEFAULT '',
    "currency" CHAR(3) NOT NULL,
    "billedCost" DECIMAL(18,4) NOT NULL,
    "effectiveCost" DECIMAL(18,4) NOT NULL,
    "recordCount" INTEGER NOT NULL,

    CONSTRAINT "CostPeriodRollup_pkey" PRIMARY KEY ("connectionId","grain","day","serviceName","regionId","subAccountId","resourceType","currency")
);

-- CreateTable
CREATE TABLE "CostPeriodServiceRollup" (
    "organizationId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "grain" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "serviceName" TEXT NOT NULL DEFAULT '',
    "currency" CHAR(3) NOT NULL,
    "billedCost" DECIMAL(18,4) NOT NULL,
    "effectiveCost" DECIMAL(18,4) NOT NULL,
    "recordCount" INTEGER NOT NULL,

    CONSTRAINT "CostPeriodServiceRollup_pkey" PRIMARY KEY ("connectionId","grain","day","serviceName","currency")
);

-- CreateTable
CREATE TABLE "CostPeriodTagRollup" (
    "organizationId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "grain" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "tagKey" TEXT NOT NULL,
    "tagValue" TEXT NOT NULL,
    "serviceName" TEXT NOT NULL DEFAULT '',
    "currency" CHAR(3) NOT NULL,
    "billedCost" DECIMAL(18,4) NOT NULL,
    "effectiveCost" DECIMAL(18,4) NOT NULL,
    "recordCount" INTEGER NOT NULL,

    CONSTRAINT "CostPeriodTagRollup_pkey" PRIMARY KEY ("connectionId","grain","day","tagKey","tagValue","serviceName","currency")
);

-- CreateTable
CREATE TABLE "CostPeriodTagValueRollup" (
    "organizationId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "grain" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "tagKey" TEXT NOT NULL,
    "tagValue" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "billedCost" DECIMAL(18,4) NOT NULL,
    "effectiveCost" DECIMAL(18,4) NOT NULL,
    "recordCount" INTEGER NOT NULL,

    CONSTRAINT "CostPeriodTagValueRollup_pkey" PRIMARY KEY ("connectionId","grain","day","tagKey","tagValue","currency")
);

-- CreateIndex
CREATE INDEX "CostPeriodRollup_organizationId_grain_day_idx" ON "CostPeriodRollup"("organizationId", "grain", "day");

-- CreateIndex
CREATE INDEX "CostPeriodServiceRollup_covering_idx" ON "CostPeriodServiceRollup"("organizationId", "grain", "day", "connectionId", "providerId", "serviceName", "billedCost", "recordCount");

-- CreateIndex
CREATE INDEX "CostPeriodTagRollup_organizationId_tagKey_tagValue_grain_da_idx" ON "CostPeriodTagRollup"("organizationId", "tagKey", "tagValue", "grain", "day");

-- CreateIndex
CREATE INDEX "CostPeriodTagValueRollup_covering_idx" ON "CostPeriodTagValueRollup"("organizationId", "tagKey", "grain", "day", "tagValue", "connectionId", "providerId", "billedCost", "recordCount");

-- AddForeignKey
ALTER TABLE "CostPeriodRollup" ADD CONSTRAINT "CostPeriodRollup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostPeriodRollup" ADD CONSTRAINT "CostPeriodRollup_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "CloudConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostPeriodServiceRollup" ADD CONSTRAINT "CostPeriodServiceRollup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostPeriodServiceRollup" ADD CONSTRAINT "CostPeriodServiceRollup_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "CloudConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostPeriodTagRollup" ADD CONSTRAINT "CostPeriodTagRollup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostPeriodTagRollup" ADD CONSTRAINT "CostPeriodTagRollup_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "CloudConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostPeriodTagValueRollup" ADD CONSTRAINT "CostPeriodTagValueRollup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostPeriodTagValueRollup" ADD CONSTRAINT "CostPeriodTagValueRollup_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "CloudConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill from the daily rollups as they stand (the rollup refresh keeps them from now on).
INSERT INTO "CostPeriodRollup" ("organizationId", "connectionId", "providerId", "grain", "day", "serviceName", "regionId", "subAccountId", "resourceType", "currency", "billedCost", "effectiveCost", "recordCount")
SELECT "organizationId", "connectionId", "providerId", 'week', date_trunc('week', "day"::timestamp)::date, "serviceName", "regionId", "subAccountId", "resourceType", "currency", SUM("billedCost"), SUM("effectiveCost"), SUM("recordCount")::int
FROM "CostDailyRollup" GROUP BY "organizationId", "connectionId", "providerId", 5, "serviceName", "regionId", "subAccountId", "resourceType", "currency";
INSERT INTO "CostPeriodServiceRollup" ("organizationId", "connectionId", "providerId", "grain", "day", "serviceName", "currency", "billedCost", "effectiveCost", "recordCount")
SELECT "organizationId", "connectionId", "providerId", 'week', date_trunc('week', "day"::timestamp)::date, "serviceName", "currency", SUM("billedCost"), SUM("effectiveCost"), SUM("recordCount")::int
FROM "CostDailyServiceRollup" GROUP BY "organizationId", "connectionId", "providerId", 5, "serviceName", "currency";
INSERT INTO "CostPeriodTagRollup" ("organizationId", "connectionId", "providerId", "grain", "day", "tagKey", "tagValue", "serviceName", "currency", "billedCost", "effectiveCost", "recordCount")
SELECT "organizationId", "connectionId", "providerId", 'week', date_trunc('week', "day"::timestamp)::date, "tagKey", "tagValue", "serviceName", "currency", SUM("billedCost"), SUM("effectiveCost"), SUM("recordCount")::int
FROM "CostDailyTagRollup" GROUP BY "organizationId", "connectionId", "providerId", 5, "tagKey", "tagValue", "serviceName", "currency";
INSERT INTO "CostPeriodTagValueRollup" ("organizationId", "connectionId", "providerId", "grain", "day", "tagKey", "tagValue", "currency", "billedCost", "effectiveCost", "recordCount")
SELECT "organizationId", "connectionId", "providerId", 'week', date_trunc('week', "day"::timestamp)::date, "tagKey", "tagValue", "currency", SUM("billedCost"), SUM("effectiveCost"), SUM("recordCount")::int
FROM "CostDailyTagValueRollup" GROUP BY "organizationId", "connectionId", "providerId", 5, "tagKey", "tagValue", "currency";
INSERT INTO "CostPeriodRollup" ("organizationId", "connectionId", "providerId", "grain", "day", "serviceName", "regionId", "subAccountId", "resourceType", "currency", "billedCost", "effectiveCost", "recordCount")
SELECT "organizationId", "connectionId", "providerId", 'month', date_trunc('month', "day"::timestamp)::date, "serviceName", "regionId", "subAccountId", "resourceType", "currency", SUM("billedCost"), SUM("effectiveCost"), SUM("recordCount")::int
FROM "CostDailyRollup" GROUP BY "organizationId", "connectionId", "providerId", 5, "serviceName", "regionId", "subAccountId", "resourceType", "currency";
INSERT INTO "CostPeriodServiceRollup" ("organizationId", "connectionId", "providerId", "grain", "day", "serviceName", "currency", "billedCost", "effectiveCost", "recordCount")
SELECT "organizationId", "connectionId", "providerId", 'month', date_trunc('month', "day"::timestamp)::date, "serviceName", "currency", SUM("billedCost"), SUM("effectiveCost"), SUM("recordCount")::int
FROM "CostDailyServiceRollup" GROUP BY "organizationId", "connectionId", "providerId", 5, "serviceName", "currency";
INSERT INTO "CostPeriodTagRollup" ("organizationId", "connectionId", "providerId", "grain", "day", "tagKey", "tagValue", "serviceName", "currency", "billedCost", "effectiveCost", "recordCount")
SELECT "organizationId", "connectionId", "providerId", 'month', date_trunc('month', "day"::timestamp)::date, "tagKey", "tagValue", "serviceName", "currency", SUM("billedCost"), SUM("effectiveCost"), SUM("recordCount")::int
FROM "CostDailyTagRollup" GROUP BY "organizationId", "connectionId", "providerId", 5, "tagKey", "tagValue", "serviceName", "currency";
INSERT INTO "CostPeriodTagValueRollup" ("organizationId", "connectionId", "providerId", "grain", "day", "tagKey", "tagValue", "currency", "billedCost", "effectiveCost", "recordCount")
SELECT "organizationId", "connectionId", "providerId", 'month', date_trunc('month', "day"::timestamp)::date, "tagKey", "tagValue", "currency", SUM("billedCost"), SUM("effectiveCost"), SUM("recordCount")::int
FROM "CostDailyTagValueRollup" GROUP BY "organizationId", "connectionId", "providerId", 5, "tagKey", "tagValue", "currency";
