/**
 * The money-bearing part of each answer as plain strings, so the fast (backend) and naive answers compare exactly:
 * every amount is the decimal string rounded half-up to the kopeck, never a float.
 */
import { OTHER_SERIES_KEY, type CostExplorerResult, type DashboardOverview } from "@/server/services/costs/cost-query-contract";

export interface DashboardAnswer {
  period: string;
  previousPeriod: string;
  kpis: { totalSpend: string; previousSpend: string; changePercent: string | null; monthToDate: string; monthForecast: string | null };
  /** "date provider cost" for every day of the period and every provider. */
  trend: string[];
  /** "service cost" in the dashboard's order; the folded tail is "(other)". */
  byService: string[];
  /** "connectionId providerResourceId cost", largest first. */
  topResources: string[];
  /** "connectionId cost" for every connection, by id. */
  connectionCosts: string[];
}

export interface ExplorerAnswer {
  period: string;
  buckets: string[];
  totalRows: number;
  total: string;
  byBucket: string[];
  /** "key total b1 b2 …" for the rows of the page, in order; a missing dimension is "(none)". */
  rows: string[];
  chartKeys: string[];
  /** "c1 c2 …" per bucket. */
  chartPoints: string[];
}

export const OTHER = "(other)";
export const NONE = "(none)";

export const keyText = (key: string | null) => key ?? NONE;

export function dashboardAnswerOf(overview: DashboardOverview): DashboardAnswer {
  const providerIds = overview.trend.providers.map((provider) => provider.id).sort();
  return {
    period: `${overview.period.from}..${overview.period.to}`,
    previousPeriod: `${overview.previousPeriod.from}..${overview.previousPeriod.to}`,
    kpis: {
      totalSpend: overview.kpis.totalSpend,
      previousSpend: overview.kpis.previousSpend,
      changePercent: overview.kpis.changePercent,
      monthToDate: overview.kpis.monthToDate,
      monthForecast: overview.kpis.monthForecast,
    },
    trend: overview.trend.points.flatMap((point) => providerIds.map((id) => `${point.date} ${id} ${point.costs[id] ?? "missing"}`)),
    byService: overview.byService.map((entry) => `${entry.service ?? OTHER} ${entry.cost}`),
    topResources: overview.topResources.map((resource) => `${resource.connectionId} ${resource.providerResourceId} ${resource.cost}`),
    connectionCosts: overview.connectionHealth.map((connection) => `${connection.id} ${connection.periodCost}`).sort(),
  };
}

export function explorerAnswerOf(result: CostExplorerResult): ExplorerAnswer {
  return {
    period: `${result.period.from}..${result.period.to}`,
    buckets: result.buckets,
    totalRows: result.pagination.totalRows,
    total: result.totals.total,
    byBucket: result.totals.byBucket,
    rows: result.rows.map((row) => [keyText(row.key), row.total, ...row.byBucket].join(" ")),
    chartKeys: result.chart.series.map((series) => (series.key === OTHER_SERIES_KEY ? OTHER : keyText(series.key))),
    chartPoints: result.chart.points.map((point) => point.costs.join(" ")),
  };
}

/** Paths where two answers differ (at most `limit`), e.g. `kpis.totalSpend: fast "1.00" ≠ naive "1.01"`. */
export function differences(fast: unknown, naive: unknown, limit = 8, path = "answer"): string[] {
  if (Array.isArray(fast) && Array.isArray(naive)) {
    const found: string[] = fast.length === naive.length ? [] : [`${path}.length: fast ${fast.length} ≠ naive ${naive.length}`];
    for (let index = 0; index < Math.max(fast.length, naive.length) && found.length < limit; index += 1) {
      found.push(...differences(fast[index], naive[index], limit - found.length, `${path}[${index}]`));
    }
    return found;
  }
  if (fast && naive && typeof fast === "object" && typeof naive === "object") {
    const found: string[] = [];
    const keys = [...new Set([...Object.keys(fast), ...Object.keys(naive)])];
    for (const key of keys) {
      if (found.length >= limit) break;
      found.push(...differences((fast as Record<string, unknown>)[key], (naive as Record<string, unknown>)[key], limit - found.length, `${path}.${key}`));
    }
    return found;
  }
  return fast === naive ? [] : [`${path}: fast ${JSON.stringify(fast)} ≠ naive ${JSON.stringify(naive)}`];
}
