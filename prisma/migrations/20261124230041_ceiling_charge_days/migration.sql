-- Ceilings become the positive parts of each object's records (a bound on its total over any days of the month, not
-- only the whole month) and carry its first and last charge day of the month.
ALTER TABLE "CostResourceMonthCeiling" ADD COLUMN "firstDay" DATE, ADD COLUMN "lastDay" DATE;

-- Backfill from CostRecord; a ceiling whose object has no record left is dropped (the next refresh would drop it).
UPDATE "CostResourceMonthCeiling" c SET "ceiling" = x."ceiling", "firstDay" = x."firstDay", "lastDay" = x."lastDay"
FROM (
  SELECT "organizationId", date_trunc('month', "chargePeriodStart")::date AS "month", "resourceKey",
         SUM(GREATEST("billedCost", 0)) AS "ceiling", MIN("chargePeriodStart") AS "firstDay", MAX("chargePeriodStart") AS "lastDay"
  FROM "CostRecord" WHERE "resourceKey" IS NOT NULL GROUP BY 1, 2, 3
) x
WHERE c."organizationId" = x."organizationId" AND c."month" = x."month" AND c."resourceKey" = x."resourceKey";
DELETE FROM "CostResourceMonthCeiling" WHERE "firstDay" IS NULL;
UPDATE "CostResourceMonthCeiling" c SET "previousMonth" = x.previous
FROM (SELECT "organizationId", "resourceKey", "month", LAG("month") OVER (PARTITION BY "organizationId", "resourceKey" ORDER BY "month") AS previous FROM "CostResourceMonthCeiling") x
WHERE c."organizationId" = x."organizationId" AND c."resourceKey" = x."resourceKey" AND c."month" = x."month" AND c."previousMonth" IS DISTINCT FROM x.previous;

ALTER TABLE "CostResourceMonthCeiling" ALTER COLUMN "firstDay" SET NOT NULL, ALTER COLUMN "lastDay" SET NOT NULL;
