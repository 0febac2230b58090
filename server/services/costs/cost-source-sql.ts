import { Prisma } from "../../db";
import { addDays, monthEndOf, monthStartOf, weekStartOf } from "./calendar-days";
import type { CostDimension, CostFilters, Granularity } from "./cost-query-contract";
import { PERIOD_ROLLUPS, type PeriodGrain, type PeriodRollup } from "./period-rollups";

/**
 * Where a cost query reads from. The daily rollups (or their week and month sums) answer every dimension they keep
 * (they are orders of magnitude smaller); per-resource questions need CostRecord itself. Both expose the same aliases so the queries
 * are written once: s.<column>, with `day` and `cost` expressions.
 */
export interface CostSource {
  kind: "rollup" | "records";
  from: Prisma.Sql;
  day: Prisma.Sql;
  cost: Prisma.Sql;
  /**
   * The per-tag rollup: "grouped" exposes s."tagValue" of one key (NULL for the records without it), "filtered"
   * is the rollup itself, where a tag filter is a (tagKey, tagValue) condition.
   */
  tag?: "grouped" | "filtered";
  /**
   * The rows' record count, when rows can cancel out: a group exists only where it sums above zero (the
   * "without the tag" group is everything minus the tagged rows, and may hold no record at all).
   */
  records?: Prisma.Sql;
}

export const ROLLUP_DIMENSIONS: readonly CostDimension[] = ["connection", "provider", "service", "region", "project", "resourceType"];

const [DAILY, SERVICE, TAG, TAG_VALUE] = PERIOD_ROLLUPS;

/**
 * Week and month views: the whole buckets of the period come from the period rollups (bucket starts from..to),
 * the partial ones at its edges from the daily rollups. null when no whole bucket fits (or by day).
 */
export interface PeriodSplit {
  grain: PeriodGrain;
  buckets: { from: string; to: string };
  edges: { from: string; to: string }[];
}

export function planPeriodSplit(period: { from: string; to: string }, granularity: Granularity): PeriodSplit | null {
  if (granularity === "day") return null;
  const startOf = granularity === "week" ? weekStartOf : monthStartOf;
  const endOf = (day: string) => (granularity === "week" ? addDays(weekStartOf(day), 6) : monthEndOf(day));
  const first = startOf(period.from) === period.from ? period.from : addDays(endOf(period.from), 1);
  const last = endOf(period.to) === period.to ? period.to : addDays(startOf(period.to), -1);
  if (first > last) return null;
  const edges: { from: string; to: string }[] = [];
  if (period.from < first) edges.push({ from: period.from, to: addDays(first, -1) });
  if (last < period.to) edges.push({ from: addDays(last, 1), to: period.to });
  return { grain: granularity, buckets: { from: first, to: startOf(last) }, edges };
}

/**
 * A daily rollup, or with a split its period rollup's whole buckets plus its own edge days, as `alias`. Only the
 * columns the covering indexes hold are exposed, so both sides stay index-only.
 */
function rollupFrom(rollup: PeriodRollup, split: PeriodSplit | null, alias: string): Prisma.Sql {
  const table = (name: string) => Prisma.raw(`"${name}"`);
  if (!split) return Prisma.sql`${table(rollup.daily)} ${Prisma.raw(alias)}`;
  const columns = Prisma.raw(["organizationId", "connectionId", "providerId", "day", ...rollup.dimensions, "billedCost", "recordCount"].map((column) => `"${column}"`).join(", "));
  const parts = [Prisma.sql`SELECT ${columns} FROM ${table(rollup.period)} WHERE "grain" = ${split.grain}::text AND "day" BETWEEN ${split.buckets.from}::date AND ${split.buckets.to}::date`];
  for (const edge of split.edges) parts.push(Prisma.sql`SELECT ${columns} FROM ${table(rollup.daily)} WHERE "day" BETWEEN ${edge.from}::date AND ${edge.to}::date`);
  return Prisma.sql`(${Prisma.join(parts, " UNION ALL ")}) ${Prisma.raw(alias)}`;
}

function rollupSource(rollup: PeriodRollup, split: PeriodSplit | null, tag?: "filtered"): CostSource {
  return { kind: "rollup", from: rollupFrom(rollup, split, "s"), day: Prisma.sql`s."day"`, cost: Prisma.sql`s."billedCost"`, ...(tag ? { tag } : {}) };
}

/** What the per-service rollup (connection × day × service) can group by: enough for most questions, at a quarter of the daily rollup. */
const SERVICE_ROLLUP_DIMENSIONS: readonly CostDimension[] = ["connection", "provider", "service"];
const RECORDS: CostSource = { kind: "records", from: Prisma.sql`"CostRecord" s`, day: Prisma.sql`s."chargePeriodStart"`, cost: Prisma.sql`s."billedCost"` };

type SourceFilters = Pick<CostFilters, "tags"> & Partial<Pick<CostFilters, "connectionIds" | "providerIds" | "regions" | "projects" | "resourceTypes" | "services">>;

/** The per-service rollup summed across connections: service by day for the whole organization. */
const ORGANIZATION_SERVICE_ROLLUP: CostSource = { kind: "rollup", from: Prisma.sql`"CostDailyOrgServiceRollup" s`, day: Prisma.sql`s."day"`, cost: Prisma.sql`s."billedCost"` };

/** Dimensions the per-tag rollup keeps besides the tag (and the only filters it can apply besides one tag). */
const TAG_ROLLUP_DIMENSIONS: readonly CostDimension[] = ["connection", "provider", "service"];

/**
 * Grouping by one tag key from the per-tag rollups: the rows of that key (grouped by value), plus the records
 * without the key as the per-service rollup minus that key's rows (NULL value; its record count tells whether the
 * group exists at all). Only connection, provider and service can be filtered besides; a service filter needs
 * the per-service tag rollup, otherwise the per-value one (a fifth of its size) answers.
 */
function tagGroupedSource(tagKey: string, byService: boolean, split: PeriodSplit | null): CostSource {
  const columns = (alias: string) => Prisma.raw(`${alias}."organizationId", ${alias}."connectionId", ${alias}."providerId", ${alias}."day", ${byService ? `${alias}."serviceName"` : "''::text"} AS "serviceName"`);
  const tagged = (alias: string) => rollupFrom(byService ? TAG : TAG_VALUE, split, alias);
  return {
    kind: "rollup",
    tag: "grouped",
    from: Prisma.sql`(
      SELECT ${columns("t")}, t."tagValue", t."billedCost", t."recordCount" FROM ${tagged("t")} WHERE t."tagKey" = ${tagKey}::text
      UNION ALL SELECT ${columns("r")}, NULL::text, r."billedCost", r."recordCount" FROM ${rollupFrom(SERVICE, split, "r")}
      UNION ALL SELECT ${columns("t")}, NULL::text, -t."billedCost", -t."recordCount" FROM ${tagged("t")} WHERE t."tagKey" = ${tagKey}::text) s`,
    day: Prisma.sql`s."day"`,
    cost: Prisma.sql`s."billedCost"`,
    records: Prisma.sql`s."recordCount"`,
  };
}

/**
 * The smallest source that can answer: per-service rollup (across connections when none is grouped or filtered by,
 * by day), daily rollup, per-tag rollup (each by whole weeks or months when a split is given), or CostRecord (the
 * caller may split it).
 */
export function chooseSource(groupBy: CostDimension | null, filters: SourceFilters, tagKey?: string, split: PeriodSplit | null = null): CostSource {
  const otherFilterCount = (filters.regions?.length ?? 0) + (filters.projects?.length ?? 0) + (filters.resourceTypes?.length ?? 0);
  if (otherFilterCount === 0) {
    const byService = groupBy === "service" || (filters.services?.length ?? 0) > 0;
    if (groupBy === "tag" && tagKey && filters.tags.length === 0) return tagGroupedSource(tagKey, byService, split);
    if (filters.tags.length === 1 && (!groupBy || TAG_ROLLUP_DIMENSIONS.includes(groupBy))) return rollupSource(byService ? TAG : TAG_VALUE, split, "filtered");
  }
  if (filters.tags.length > 0 || (groupBy && !ROLLUP_DIMENSIONS.includes(groupBy))) return RECORDS;
  const needsConnections = (filters.connectionIds?.length ?? 0) + (filters.providerIds?.length ?? 0) > 0 || (groupBy !== null && groupBy !== "service");
  if (otherFilterCount === 0 && !needsConnections && !split) return ORGANIZATION_SERVICE_ROLLUP;
  return otherFilterCount === 0 && (!groupBy || SERVICE_ROLLUP_DIMENSIONS.includes(groupBy)) ? rollupSource(SERVICE, split) : rollupSource(DAILY, split);
}

export const recordSource = RECORDS;

const COLUMNS: Record<"service" | "region" | "project" | "resourceType", string> = {
  service: "serviceName",
  region: "regionId",
  project: "subAccountId",
  resourceType: "resourceType",
};

/** connectionId → providerId of the organization's connections (CostRecord has no provider column). */
export type ProviderOfConnection = Map<string, string>;

/** The SQL value of a dimension; NULL means "records without it" (the rollup stores those as ''). */
export function dimensionKey(source: CostSource, dimension: CostDimension, options: { tagKey?: string; providerOf: ProviderOfConnection }): Prisma.Sql {
  switch (dimension) {
    case "connection":
      return Prisma.sql`s."connectionId"`;
    case "provider":
      if (source.kind === "rollup") return Prisma.sql`s."providerId"`;
      return caseOf(Prisma.sql`s."connectionId"`, options.providerOf, Prisma.sql`NULL::text`);
    case "resource":
      return Prisma.sql`s."providerResourceId"`;
    case "tag":
      if (source.tag === "grouped") return Prisma.sql`s."tagValue"`;
      return Prisma.sql`(s."tags" ->> ${options.tagKey ?? ""}::text)`;
    default: {
      const column = Prisma.raw(`s."${COLUMNS[dimension]}"`);
      return source.kind === "rollup" ? Prisma.sql`NULLIF(${column}, '')` : column;
    }
  }
}

/**
 * SUM of a 4-decimal money column through int8 ten-thousandths: exact (every stored value is a whole number of
 * them), and PostgreSQL's int8 sum keeps a small 128-bit state where numeric sums keep a large one, which matters
 * when tens of thousands of groups (resources) are summed at once.
 */
export function exactSum(cost: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SUM((${cost} * 10000)::int8)::numeric / 10000)`;
}

/** CASE expr WHEN k THEN v … ELSE fallback END, for the small lookups we hold in memory (names, providers). */
export function caseOf(expression: Prisma.Sql, values: Map<string, string>, fallback: Prisma.Sql): Prisma.Sql {
  if (values.size === 0) return fallback;
  const branches = [...values].map(([key, value]) => Prisma.sql`WHEN ${key}::text THEN ${value}::text`);
  return Prisma.sql`(CASE ${expression} ${Prisma.join(branches, " ")} ELSE ${fallback} END)`;
}

/**
 * The bucket start of a row's day as a date (weeks start on Monday, as date_trunc('week') does). Group by it and
 * format with bucketText after aggregating: formatting every row before grouping costs more than the sum itself.
 */
export function bucketExpression(source: CostSource, granularity: Granularity): Prisma.Sql {
  if (granularity === "day") return source.day;
  const unit = Prisma.raw(`'${granularity}'`);
  return Prisma.sql`date_trunc(${unit}, ${source.day}::timestamp)::date`;
}

/** A bucket start (a date expression that is grouped by) as "YYYY-MM-DD". */
export function bucketText(bucket: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`to_char(${bucket}, 'YYYY-MM-DD')`;
}

export interface ResolvedFilters {
  /** null = every connection; [] = none can match (e.g. a provider the organization does not use). */
  connectionIds: string[] | null;
  services: string[];
  regions: string[];
  projects: string[];
  resourceTypes: string[];
  tags: { key: string; value: string }[];
}

/** Provider filters become connection filters: both sources carry connectionId, and connections are few. */
export function resolveFilters(filters: CostFilters, providerOf: ProviderOfConnection): ResolvedFilters {
  let connectionIds: string[] | null = filters.connectionIds.length ? [...new Set(filters.connectionIds)] : null;
  if (filters.providerIds.length) {
    const ofProviders = [...providerOf].filter(([, providerId]) => filters.providerIds.includes(providerId)).map(([id]) => id);
    connectionIds = connectionIds ? connectionIds.filter((id) => ofProviders.includes(id)) : ofProviders;
  }
  return { connectionIds, services: filters.services, regions: filters.regions, projects: filters.projects, resourceTypes: filters.resourceTypes, tags: filters.tags };
}

/** Tenant, period and filter conditions: AND across filters, OR within one filter's values. */
export function whereClause(source: CostSource, organizationId: string, period: { from: string; to: string }, filters: ResolvedFilters | null): Prisma.Sql {
  const conditions = [Prisma.sql`s."organizationId" = ${organizationId}`, Prisma.sql`${source.day} BETWEEN ${period.from}::date AND ${period.to}::date`];
  if (filters) {
    if (filters.connectionIds) conditions.push(filters.connectionIds.length ? Prisma.sql`s."connectionId" IN (${Prisma.join(filters.connectionIds)})` : Prisma.sql`FALSE`);
    const lists: [keyof typeof COLUMNS, string[]][] = [
      ["service", filters.services],
      ["region", filters.regions],
      ["project", filters.projects],
      ["resourceType", filters.resourceTypes],
    ];
    for (const [dimension, values] of lists) {
      if (values.length) conditions.push(Prisma.sql`${Prisma.raw(`s."${COLUMNS[dimension]}"`)} IN (${Prisma.join(values)})`);
    }
    for (const tag of filters.tags) {
      if (source.tag === "filtered") conditions.push(Prisma.sql`s."tagKey" = ${tag.key}::text AND s."tagValue" = ${tag.value}::text`);
      else conditions.push(Prisma.sql`(s."tags" ->> ${tag.key}::text) = ${tag.value}::text`);
    }
  }
  return Prisma.join(conditions, " AND ");
}
