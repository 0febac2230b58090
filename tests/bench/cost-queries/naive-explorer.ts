/**
 * The cost explorer computed the naive way: one GROUP BY (group key, bucket) over CostRecord for the whole
 * period, then grouping, ordering, paging, totals and the chart's top 10 + other in JavaScript with exact
 * decimals (Prisma.Decimal), as a first implementation would. Supports what the scenarios use: every dimension
 * and filter, sorting by total.
 */
import { Prisma, type PrismaClient } from "@/server/db";
import type { CostDimension, CostExplorerInput } from "@/server/services/costs/cost-query-contract";
import { type ExplorerAnswer, keyText, OTHER } from "./answers";
import { bucketStarts, presetPeriod } from "./bench-calendar";

const CHART_SERIES = 10;
const ZERO = new Prisma.Decimal(0);
const money = (value: Prisma.Decimal) => value.toFixed(2, Prisma.Decimal.ROUND_HALF_UP);

function keyExpression(groupBy: CostDimension, tagKey: string | undefined): Prisma.Sql {
  const columns: Record<Exclude<CostDimension, "tag">, string> = {
    connection: `cr."connectionId"`,
    provider: `c."providerId"`,
    service: `cr."serviceName"`,
    region: `cr."regionId"`,
    project: `cr."subAccountId"`,
    resourceType: `cr."resourceType"`,
    resource: `cr."providerResourceId"`,
  };
  return groupBy === "tag" ? Prisma.sql`(cr."tags" ->> ${tagKey ?? ""}::text)` : Prisma.raw(columns[groupBy]);
}

function filterConditions(filters: CostExplorerInput["filters"]): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  const lists: [string, string[]][] = [
    [`cr."connectionId"`, filters.connectionIds],
    [`c."providerId"`, filters.providerIds],
    [`cr."serviceName"`, filters.services],
    [`cr."regionId"`, filters.regions],
    [`cr."subAccountId"`, filters.projects],
    [`cr."resourceType"`, filters.resourceTypes],
  ];
  for (const [column, values] of lists) if (values.length) conditions.push(Prisma.sql`${Prisma.raw(column)} IN (${Prisma.join(values)})`);
  for (const tag of filters.tags) conditions.push(Prisma.sql`(cr."tags" ->> ${tag.key}::text) = ${tag.value}::text`);
  return conditions;
}

interface Group {
  key: string | null;
  total: Prisma.Decimal;
  byBucket: Prisma.Decimal[];
}

/** The backend's order: total, then the key in byte order with the missing-dimension group last. */
function compareGroups(direction: "asc" | "desc") {
  return (a: Group, b: Group) => {
    const byTotal = direction === "desc" ? b.total.comparedTo(a.total) : a.total.comparedTo(b.total);
    if (byTotal !== 0) return byTotal;
    if (a.key === b.key) return 0;
    if (a.key === null) return 1;
    if (b.key === null) return -1;
    return Buffer.compare(Buffer.from(a.key), Buffer.from(b.key));
  };
}

export async function naiveExplorer(db: PrismaClient, organizationId: string, input: CostExplorerInput, presetDays: number, today: string): Promise<ExplorerAnswer> {
  if (input.sort.by !== "total") throw new Error("naiveExplorer sorts by total only");
  const { period } = presetPeriod(presetDays, today);
  const buckets = bucketStarts(period, input.granularity);
  const bucket =
    input.granularity === "day"
      ? Prisma.sql`cr."chargePeriodStart"`
      : Prisma.sql`GREATEST(date_trunc(${input.granularity}::text, cr."chargePeriodStart"::timestamp)::date, ${period.from}::date)`;
  const conditions = [
    Prisma.sql`cr."organizationId" = ${organizationId}`,
    Prisma.sql`cr."chargePeriodStart" BETWEEN ${period.from}::date AND ${period.to}::date`,
    ...filterConditions(input.filters),
  ];
  const cells = await db.$queryRaw<{ key: string | null; bucket: string; cost: string }[]>`
    SELECT ${keyExpression(input.groupBy, input.tagKey)} AS key, to_char(${bucket}, 'YYYY-MM-DD') AS bucket, SUM(cr."billedCost")::text AS cost
    FROM "CostRecord" cr JOIN "CloudConnection" c ON c."id" = cr."connectionId"
    WHERE ${Prisma.join(conditions, " AND ")}
    GROUP BY 1, 2`;

  const position = new Map(buckets.map((start, index) => [start, index]));
  const groups = new Map<string, Group>();
  const totals = buckets.map(() => ZERO);
  for (const cell of cells) {
    const index = position.get(cell.bucket);
    if (index === undefined) throw new Error(`naive explorer: bucket ${cell.bucket} outside ${buckets[0]}…`);
    const id = cell.key === null ? "\u0000" : `k:${cell.key}`;
    const group = groups.get(id) ?? { key: cell.key, total: ZERO, byBucket: buckets.map(() => ZERO) };
    const cost = new Prisma.Decimal(cell.cost);
    group.total = group.total.plus(cost);
    group.byBucket[index] = group.byBucket[index]!.plus(cost);
    totals[index] = totals[index]!.plus(cost);
    groups.set(id, group);
  }

  const ordered = [...groups.values()].sort(compareGroups(input.sort.direction));
  const offset = (input.page - 1) * input.pageSize;
  const ranked = [...groups.values()].sort(compareGroups("desc")).slice(0, CHART_SERIES);
  const chartKeys = ranked.map((group) => keyText(group.key));
  const chartPoints = buckets.map((_, index) => {
    const costs = ranked.map((group) => group.byBucket[index]!);
    if (groups.size > CHART_SERIES) costs.push(totals[index]!.minus(costs.reduce((sum, cost) => sum.plus(cost), ZERO)));
    return costs.map(money).join(" ");
  });
  if (groups.size > CHART_SERIES) chartKeys.push(OTHER);
  return {
    period: `${period.from}..${period.to}`,
    buckets,
    totalRows: groups.size,
    total: money(totals.reduce((sum, cost) => sum.plus(cost), ZERO)),
    byBucket: totals.map(money),
    rows: ordered.slice(offset, offset + input.pageSize).map((group) => [keyText(group.key), money(group.total), ...group.byBucket.map(money)].join(" ")),
    chartKeys,
    chartPoints,
  };
}
