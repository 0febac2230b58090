-- Each ceiling also keeps the positive parts of the object's records on its dearest day of the month: a period's
-- few edge days of a month cost at most that many times it.
ALTER TABLE "CostResourceMonthCeiling" ADD COLUMN "dayCeiling" DECIMAL(18,4);

-- Backfill from CostRecord, as the refresh computes it; a ceiling whose object has no record left is dropped (the
-- next refresh would drop it).
UPDATE "CostResourceMonthCeiling" c SET "dayCeiling" = x."dayCeiling"
FROM (
  SELECT d."organizationId", date_trunc('month', d."day")::date AS "month", d."resourceKey", MAX(d."positive") AS "dayCeiling"
  FROM (
    SELECT "organizationId", "resourceKey", "chargePeriodStart" AS "day", SUM(GREATEST("billedCost", 0)) AS "positive"
    FROM "CostRecord" WHERE "resourceKey" IS NOT NULL GROUP BY 1, 2, 3
  ) d
  GROUP BY 1, 2, 3
) x
WHERE c."organizationId" = x."organizationId" AND c."month" = x."month" AND c."resourceKey" = x."resourceKey";
DELETE FROM "CostResourceMonthCeiling" WHERE "dayCeiling" IS NULL;

ALTER TABLE "CostResourceMonthCeiling" ALTER COLUMN "dayCeiling" SET NOT NULL;

-- CreateIndex
CREATE INDEX "CostResourceMonthCeiling_day_top_idx" ON "CostResourceMonthCeiling"("organizationId", "month", "dayCeiling" DESC, "resourceKey");
