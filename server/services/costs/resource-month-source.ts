import { Prisma } from "../../db";
import { addDays, monthEndOf, monthStartOf } from "./calendar-days";
import type { CostSource } from "./cost-source-sql";

/**
 * CostRecord's per-resource questions (by resource, by tag, tag filters, top resources) answered from the monthly
 * per-resource rollup for the months the period covers whole, plus CostRecord for the partial months at its
 * edges. A partial edge month still comes from the rollup when the organization has no charge in that month
 * outside the period (the usual case for the current month of a preset ending today). The result looks like
 * CostRecord (nullable dimensions, s."chargePeriodStart"), so every filter and dimension is written once; a
 * rollup row's day is its first charge day, which lies in the period. Answers group totals and month buckets
 * exactly; day and week buckets need CostRecord.
 */
export interface MonthSplit {
  /** First and last month (first days) taken from the rollup; null when none is. */
  months: { from: string; to: string } | null;
  /** Day ranges read from CostRecord. */
  edges: { from: string; to: string }[];
}

/**
 * What a split depends on, as SELECT columns: whether the organization has charges in the period's first month
 * before it ("before") and in its last month after it ("after").
 */
export function monthSplitFactsSql(organizationId: string, period: { from: string; to: string }): Prisma.Sql {
  return Prisma.sql`
    EXISTS (SELECT 1 FROM "CostDailyRollup" r WHERE r."organizationId" = ${organizationId} AND r."day" >= ${monthStartOf(period.from)}::date AND r."day" < ${period.from}::date) AS before,
    EXISTS (SELECT 1 FROM "CostDailyRollup" r WHERE r."organizationId" = ${organizationId} AND r."day" > ${period.to}::date AND r."day" <= ${monthEndOf(period.to)}::date) AS after`;
}

export function monthSplitOf(period: { from: string; to: string }, facts: { before: boolean; after: boolean }): MonthSplit {
  const leadStart = monthStartOf(period.from);
  const firstMonth = facts.before ? addDays(monthEndOf(period.from), 1) : leadStart;
  const lastMonth = facts.after ? monthStartOf(addDays(monthStartOf(period.to), -1)) : monthStartOf(period.to);
  if (firstMonth > lastMonth) return { months: null, edges: [{ from: period.from, to: period.to }] };
  const edges: { from: string; to: string }[] = [];
  if (period.from < firstMonth) edges.push({ from: period.from, to: addDays(firstMonth, -1) });
  const afterMonths = addDays(monthEndOf(lastMonth), 1);
  if (afterMonths <= period.to) edges.push({ from: afterMonths, to: period.to });
  return { months: { from: firstMonth, to: lastMonth }, edges };
}

const RECORD_COLUMNS = Prisma.sql`cr."organizationId", cr."connectionId", cr."chargePeriodStart", cr."providerResourceId", cr."serviceName", cr."regionId", cr."subAccountId", cr."resourceType", cr."tags", cr."resourceName", cr."billedCost"`;

/** The split as a CostSource of kind "records" (same columns and NULL semantics as CostRecord). */
export function monthSplitSource(organizationId: string, split: MonthSplit): CostSource {
  const parts: Prisma.Sql[] = [];
  if (split.months) {
    parts.push(Prisma.sql`
      SELECT m."organizationId", m."connectionId", m."firstDay" AS "chargePeriodStart", m."providerResourceId", NULLIF(m."serviceName", '') AS "serviceName",
             NULLIF(m."regionId", '') AS "regionId", NULLIF(m."subAccountId", '') AS "subAccountId", NULLIF(m."resourceType", '') AS "resourceType",
             m."tags", m."resourceName", m."billedCost"
      FROM "CostResourceMonthly" m
      WHERE m."organizationId" = ${organizationId} AND m."month" BETWEEN ${split.months.from}::date AND ${split.months.to}::date`);
  }
  for (const edge of split.edges) {
    parts.push(Prisma.sql`SELECT ${RECORD_COLUMNS} FROM "CostRecord" cr WHERE cr."organizationId" = ${organizationId} AND cr."chargePeriodStart" BETWEEN ${edge.from}::date AND ${edge.to}::date`);
  }
  return { kind: "records", from: Prisma.sql`(${Prisma.join(parts, " UNION ALL ")}) s`, day: Prisma.sql`s."chargePeriodStart"`, cost: Prisma.sql`s."billedCost"` };
}
