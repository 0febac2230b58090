/**
 * The questions measured: each is the backend procedure as the page calls it (fast) and the same question
 * answered naively, both reduced to comparable answers.
 */
import type { PrismaClient } from "@/server/db";
import { costExplorerInput, type CostExplorerInput } from "@/server/services/costs/cost-query-contract";
import { queryCostExplorer } from "@/server/services/costs/query-cost-explorer";
import type { CostClock } from "@/server/services/costs/resolve-period";
import { getDashboardOverview } from "@/server/services/dashboard/get-dashboard-overview";
import { dashboardAnswerOf, explorerAnswerOf } from "./answers";
import type { LoadedTenant } from "./load-synthetic-tenant";
import { naiveDashboard } from "./naive-dashboard";
import { naiveExplorer } from "./naive-explorer";
import { MAIN_TENANT, SMALL_TENANT } from "./tenant-shape";

export interface Scenario {
  name: string;
  /** The backend procedure, returning its own result (timed as is). */
  fast: (db: PrismaClient) => Promise<unknown>;
  /** The backend result reduced to the comparable answer. */
  answerOf: (result: unknown) => unknown;
  naive: (db: PrismaClient) => Promise<unknown>;
}

const PRESET_DAYS = { "30d": 30, "90d": 90, "1y": 365 } as const;
type Preset = keyof typeof PRESET_DAYS;

function dashboard(name: string, organizationId: string, preset: Preset, clock: CostClock, today: string): Scenario {
  return {
    name,
    fast: (db) => getDashboardOverview(db, organizationId, { range: { preset } }, clock),
    answerOf: (result) => dashboardAnswerOf(result as Awaited<ReturnType<typeof getDashboardOverview>>),
    naive: (db) => naiveDashboard(db, organizationId, PRESET_DAYS[preset], today),
  };
}

function explorer(name: string, organizationId: string, preset: Preset, query: Partial<CostExplorerInput>, clock: CostClock, today: string): Scenario {
  const input = costExplorerInput.parse({ ...query, range: { preset } });
  return {
    name,
    fast: (db) => queryCostExplorer(db, organizationId, input, clock),
    answerOf: (result) => explorerAnswerOf(result as Awaited<ReturnType<typeof queryCostExplorer>>),
    naive: (db) => naiveExplorer(db, organizationId, input, PRESET_DAYS[preset], today),
  };
}

export function buildScenarios(tenants: LoadedTenant[], clock: CostClock, today: string): Scenario[] {
  const org = (slug: string) => tenants.find((tenant) => tenant.slug === slug)!.organizationId;
  const main = org(MAIN_TENANT.slug);
  const small = org(SMALL_TENANT.slug);
  const filtered = { providerIds: ["selectel"], services: ["Cloud Servers", "Block Storage", "Managed Databases"] };
  return [
    dashboard("dashboard 30d", main, "30d", clock, today),
    dashboard("dashboard 90d", main, "90d", clock, today),
    dashboard("dashboard 1y", main, "1y", clock, today),
    explorer("explorer service × day, 90d", main, "90d", { groupBy: "service", granularity: "day" }, clock, today),
    explorer("explorer project × month, 1y, filtered", main, "1y", { groupBy: "project", granularity: "month", filters: { ...costExplorerInput.shape.filters.parse(undefined), ...filtered } }, clock, today),
    explorer("explorer resource × day, 30d, page 2", main, "30d", { groupBy: "resource", granularity: "day", page: 2, pageSize: 50, sort: { by: "total", direction: "desc" } }, clock, today),
    explorer("explorer tag:team × week, 90d", main, "90d", { groupBy: "tag", tagKey: "team", granularity: "week" }, clock, today),
    explorer("explorer service × day, 1y", main, "1y", { groupBy: "service", granularity: "day" }, clock, today),
    explorer("explorer resource × day, 1y", main, "1y", { groupBy: "resource", granularity: "day" }, clock, today),
    explorer("explorer resource × month, 1y", main, "1y", { groupBy: "resource", granularity: "month" }, clock, today),
    explorer("explorer tag:team × week, 1y", main, "1y", { groupBy: "tag", tagKey: "team", granularity: "week" }, clock, today),
    explorer("explorer tag:team × month, 1y", main, "1y", { groupBy: "tag", tagKey: "team", granularity: "month" }, clock, today),
    explorer("explorer team=platform service × week, 1y", main, "1y", { groupBy: "service", granularity: "week", filters: { ...costExplorerInput.shape.filters.parse(undefined), tags: [{ key: "team", value: "platform" }] } }, clock, today),
    dashboard("small org: dashboard 90d", small, "90d", clock, today),
    explorer("small org: explorer resource, 30d", small, "30d", { groupBy: "resource", granularity: "day" }, clock, today),
  ];
}
