import { Prisma, type PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { baseConnectionView, CONNECTION_COLUMNS } from "../connections/connection-view";
import { RESOURCE_COLUMNS, resourceCardView } from "./resource-view";

const HISTORY_DAYS = 90;
const CHANGE_LIMIT = 100;
const DAY_MS = 86_400_000;

function diffOf(value: unknown): { field: string; before: unknown; after: unknown }[] {
  if (!value || typeof value !== "object" || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).map(([field, entry]) => {
    const pair = entry && typeof entry === "object" ? (entry as { before?: unknown; after?: unknown }) : {};
    return { field, before: pair.before ?? null, after: pair.after ?? null };
  });
}

/**
 * One resource with its specs, flags and connection; its daily billed cost (CostRecord) over the last 90 days of
 * billing data (ending at the latest charged day, so a connection that stopped syncing still shows its history);
 * and its change history, newest first. Tenant-scoped: another organization's id is NOT_FOUND.
 */
export async function getResource(db: PrismaClient, organizationId: string, resourceId: string) {
  const row = await db.resource.findFirst({ where: { id: resourceId, organizationId }, select: { ...RESOURCE_COLUMNS, closedAt: true, connection: { select: CONNECTION_COLUMNS } } });
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  const { connection, closedAt, ...resource } = row;

  const latest = await db.costRecord.findFirst({ where: { organizationId, resourceId }, select: { chargePeriodStart: true }, orderBy: { chargePeriodStart: "desc" } });
  const [days, states] = await Promise.all([
    latest
      ? db.costRecord.groupBy({
          by: ["chargePeriodStart", "billingCurrency"],
          where: { organizationId, resourceId, chargePeriodStart: { gte: new Date(latest.chargePeriodStart.getTime() - (HISTORY_DAYS - 1) * DAY_MS), lte: latest.chargePeriodStart } },
          _sum: { billedCost: true },
          orderBy: { chargePeriodStart: "asc" },
        })
      : Promise.resolve([]),
    db.resourceState.findMany({
      where: { organizationId, resourceId },
      select: { id: true, change: true, costChanged: true, statusChanged: true, configChanged: true, diff: true, createdAt: true, syncRun: { select: { id: true, trigger: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: CHANGE_LIMIT,
    }),
  ]);

  const totals = new Map<string, Prisma.Decimal>();
  for (const day of days) totals.set(day.billingCurrency, (totals.get(day.billingCurrency) ?? new Prisma.Decimal(0)).plus(day._sum.billedCost ?? 0));

  return {
    ...resourceCardView(resource),
    closedAt,
    connection: baseConnectionView(connection),
    costHistory: days.map((day) => ({ date: day.chargePeriodStart.toISOString().slice(0, 10), billedCost: (day._sum.billedCost ?? 0).toFixed(2), currency: day.billingCurrency })),
    costHistoryTotal: [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, total]) => ({ currency, billedCost: total.toFixed(2) })),
    changes: states.map((state) => ({
      id: state.id,
      change: state.change,
      costChanged: state.costChanged,
      statusChanged: state.statusChanged,
      configChanged: state.configChanged,
      diff: diffOf(state.diff),
      createdAt: state.createdAt,
      syncRunId: state.syncRun.id,
      trigger: state.syncRun.trigger,
    })),
  };
}
