import { z } from "zod";

/**
 * The contract between the cost queries (dashboard, cost explorer) and the pages that show them. Money travels
 * as exact decimal strings with two decimals (rounded half-up to the kopeck from the stored 4-decimal sums);
 * charts turn them into numbers only at the edge. Days are calendar dates "YYYY-MM-DD": a CostRecord's
 * chargePeriodStart is the provider's billing day, and "today" is taken in the user's timezone.
 */

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date");

export const RANGE_PRESETS = ["7d", "30d", "90d", "1y"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** A preset ends today (inclusive) in the user's timezone; a custom range is inclusive on both ends, at most 3 years. */
export const dateRangeInput = z.union([
  z.object({ preset: z.enum(RANGE_PRESETS) }),
  z.object({ from: isoDay, to: isoDay }),
]);
export type DateRangeInput = z.infer<typeof dateRangeInput>;

export interface ResolvedPeriod {
  from: string;
  to: string;
  days: number;
}

export const dashboardOverviewInput = z.object({ range: dateRangeInput });

export interface DashboardOverview {
  currency: string;
  timezone: string;
  /** The selected period and the equal period right before it. */
  period: ResolvedPeriod;
  previousPeriod: ResolvedPeriod;
  kpis: {
    totalSpend: string;
    previousSpend: string;
    /** (total − previous) / previous × 100 with one decimal, or null when the previous period has no spend. */
    changePercent: string | null;
    /** The current calendar month (user's timezone), independent of the selected range. */
    monthToDate: string;
    /** The month's complete days (before today) + the average of the last 7 complete days × the days left including today; null without data. */
    monthForecast: string | null;
    monthStart: string;
    monthEnd: string;
    /** The sum of open recommendations' monthly savings: "0.00" until the recommendation engine produces any. */
    potentialSavings: string;
    activeResources: number;
    connectedProviders: number;
    connections: number;
  };
  /** One point per day of the period (days without charges are 0), a column per provider id. */
  trend: { providers: { id: string; name: string }[]; points: { date: string; costs: Record<string, string> }[] };
  /** Largest first; the tail beyond 8 services is folded into one "other" entry (service: null). */
  byService: { service: string | null; cost: string }[];
  topResources: { resourceId: string | null; providerResourceId: string; name: string; resourceType: string | null; connectionId: string; connectionName: string; cost: string }[];
  /** Allocated capacity of active resources; `used` only from collected metrics, null when none exist. */
  utilization: {
    allocated: { vcpus: number; ramGb: number; storageGb: number };
    /**
     * Percentages weighted by each resource's capacity (vCPU for CPU, RAM for memory; a resource without a known
     * capacity counts as one unit), with the capacity they cover: cpuBusyVcpus of cpuVcpus were busy on average.
     */
    used: {
      cpuPercent: number | null;
      ramPercent: number | null;
      storagePercent: number | null;
      networkGb: number | null;
      cpu: { busyVcpus: number; vcpus: number } | null;
      ram: { usedGb: number; ramGb: number } | null;
    } | null;
    resourcesWithMetrics: number;
  };
  connectionHealth: {
    id: string;
    name: string;
    providerId: string;
    providerName: string;
    status: string;
    statusMessage: string | null;
    lastSyncAt: string | null;
    lastSuccessfulSyncAt: string | null;
    balance: string | null;
    balanceCurrency: string | null;
    daysLeft: number | null;
    periodCost: string;
    resourceCount: number;
  }[];
}

export const COST_DIMENSIONS = ["connection", "provider", "service", "region", "project", "resourceType", "resource", "tag"] as const;
export type CostDimension = (typeof COST_DIMENSIONS)[number];
export const GRANULARITIES = ["day", "week", "month"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

const values = z.array(z.string().trim().min(1).max(200)).max(50).default([]);

export const costFiltersInput = z.object({
  connectionIds: values,
  providerIds: values,
  services: values,
  regions: values,
  projects: values,
  resourceTypes: values,
  /** Every entry must match: the record's tags hold key = value. */
  tags: z.array(z.object({ key: z.string().trim().min(1).max(100), value: z.string().trim().max(200) })).max(10).default([]),
});
export type CostFilters = z.infer<typeof costFiltersInput>;

export const costExplorerInput = z.object({
  range: dateRangeInput,
  granularity: z.enum(GRANULARITIES).default("day"),
  groupBy: z.enum(COST_DIMENSIONS).default("service"),
  /** Required when groupBy is "tag": the tag key whose values become the groups. */
  tagKey: z.string().trim().min(1).max(100).optional(),
  filters: costFiltersInput.default({ connectionIds: [], providerIds: [], services: [], regions: [], projects: [], resourceTypes: [], tags: [] }),
  sort: z.object({ by: z.enum(["label", "total"]), direction: z.enum(["asc", "desc"]) }).default({ by: "total", direction: "desc" }),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(500).default(25),
});
export type CostExplorerInput = z.infer<typeof costExplorerInput>;

/** The chart series that sums every group beyond the top 10 (a key no real group can have; label it in the UI). */
export const OTHER_SERIES_KEY = "__other__";

export interface CostExplorerResult {
  currency: string;
  period: ResolvedPeriod;
  granularity: Granularity;
  groupBy: CostDimension;
  /** Bucket starts in order ("YYYY-MM-DD"; weeks start on Monday, months on the 1st), clipped to the period. */
  buckets: string[];
  /** The rows of this page, in the requested order; group key null = records without that dimension. */
  rows: { key: string | null; label: string; total: string; byBucket: string[] }[];
  /** Totals over every row of the query (not just this page). */
  totals: { total: string; byBucket: string[] };
  /** The chart's series: the top 10 groups by total over the whole query, the rest summed as "other". */
  chart: { series: { key: string | null; label: string }[]; points: { bucket: string; costs: string[] }[] };
  pagination: { page: number; pageSize: number; totalRows: number; pageCount: number };
}

/** CSV of the same query: every row in the same order (not only the current page), one column per bucket, a total column and a totals line. */
export const costExplorerCsvInput = costExplorerInput.omit({ page: true, pageSize: true });
export interface CostExplorerCsv {
  filename: string;
  /** UTF-8 with BOM, comma separated, dot decimals, CRLF line ends (RFC 4180). */
  content: string;
  rowCount: number;
}

export const monthForecastInput = z.object({
  filters: costFiltersInput.default({ connectionIds: [], providerIds: [], services: [], regions: [], projects: [], resourceTypes: [], tags: [] }),
  /** The day to forecast from (a chat's local Monday for the digest); default: today in the user's timezone. */
  asOf: isoDay.optional(),
});
export type MonthForecastInput = z.infer<typeof monthForecastInput>;

/** The dashboard's month-end rule over any filtered scope, on exact sums (rounded half-up to the kopeck once, here). */
export interface MonthForecast {
  currency: string;
  today: string;
  monthStart: string;
  monthEnd: string;
  /** Days still to be billed, today included. */
  daysLeft: number;
  baseDays: number;
  monthToDate: string;
  /** Null without any spend in the scope this month, in the base days or last month. */
  forecast: string | null;
  previousMonth: { start: string; end: string; total: string };
}

/** The values the explorer's filter pickers offer, from the organization's own data. */
export interface CostExplorerOptions {
  connections: { id: string; name: string; providerId: string }[];
  providers: { id: string; name: string }[];
  services: string[];
  regions: string[];
  projects: { id: string; name: string }[];
  resourceTypes: string[];
  tagKeys: string[];
}
