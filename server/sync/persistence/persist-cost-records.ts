import { db } from "../../db";
import { refreshCostRollups } from "../../services/costs/refresh-cost-rollups";
import { kopecksToRubles } from "../model/money";
import type { CostRow, ReportWindow } from "../model/unified-resource";
import type { PersistTarget } from "./persist-resources";
import { chunks } from "./to-json";

export interface CostRecordCounts {
  created: number;
  updated: number;
  removed: number;
  unchanged: number;
}

/** A resource's tags as cost-row tags: string values only (what the explorer groups and filters by). */
function tagsOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === "string").sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function sameTags(stored: unknown, tags: Record<string, string>): boolean {
  const entries = stored && typeof stored === "object" && !Array.isArray(stored) ? Object.entries(stored).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : [];
  return JSON.stringify(entries) === JSON.stringify(Object.entries(tags));
}

function dayDate(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

function nextDay(date: string): Date {
  const day = dayDate(date);
  day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

/**
 * Writes one CostRecord per resource per day of the window (FOCUS names; billedCost = effectiveCost = the day's
 * kopecks in roubles, exact; tags = the resource's string tags). Rows are matched by (connection, resource, day): unchanged rows are not touched,
 * so a re-run writes nothing. The only rows ever removed are those of a billing object that this run folds into
 * another resource (a volume now attached to its VM): its charges are in the VM's rows now, and keeping both
 * would count them twice. Anything billing simply stopped reporting stays.
 */
export async function persistCostRecords(target: PersistTarget, rows: CostRow[], window: ReportWindow, absorbedIds: Set<string>): Promise<CostRecordCounts> {
  const counts: CostRecordCounts = { created: 0, updated: 0, removed: 0, unchanged: 0 };
  const resources = await db.resource.findMany({ where: { connectionId: target.connectionId }, select: { id: true, providerResourceId: true, tags: true } });
  const resourceIds = new Map(resources.map((resource) => [resource.providerResourceId, resource.id]));
  // Cost rows carry their resource's tags as the inventory knows them now, so the explorer can group and filter by them.
  const resourceTags = new Map(resources.map((resource) => [resource.providerResourceId, tagsOf(resource.tags)]));
  // The window's own billing days (cost rows are dated by the provider's calendar): rows outside it are never read,
  // so never removed.
  const firstDay = dayDate(window.firstDay);
  const lastDay = dayDate(window.lastDay);
  const existing = await db.costRecord.findMany({ where: { connectionId: target.connectionId, chargePeriodStart: { gte: firstDay, lte: lastDay } } });
  const existingByKey = new Map(existing.map((row) => [`${row.providerResourceId}|${row.chargePeriodStart.toISOString().slice(0, 10)}`, row]));

  const creates = [];
  const updates = [];
  const keys = new Set<string>();
  for (const row of rows) {
    const key = `${row.providerResourceId}|${row.date}`;
    keys.add(key);
    const cost = kopecksToRubles(row.costMinor);
    const data = {
      resourceId: resourceIds.get(row.providerResourceId) ?? null,
      chargePeriodEnd: nextDay(row.date),
      billedCost: cost,
      effectiveCost: cost,
      billingCurrency: row.currency,
      serviceCategory: row.serviceCategory,
      serviceName: row.serviceName,
      regionId: row.regionId,
      resourceName: row.resourceName,
      resourceType: row.resourceType,
      subAccountId: row.subAccountId,
      tags: resourceTags.get(row.providerResourceId) ?? {},
    };
    const current = existingByKey.get(key);
    if (!current) {
      creates.push({ organizationId: target.organizationId, connectionId: target.connectionId, providerResourceId: row.providerResourceId, chargePeriodStart: dayDate(row.date), ...data });
      continue;
    }
    const same =
      current.billedCost.toFixed(2) === cost &&
      current.effectiveCost.toFixed(2) === cost &&
      current.resourceId === data.resourceId &&
      current.billingCurrency === data.billingCurrency &&
      current.resourceName === data.resourceName &&
      current.resourceType === data.resourceType &&
      current.serviceName === data.serviceName &&
      current.serviceCategory === data.serviceCategory &&
      current.regionId === data.regionId &&
      current.subAccountId === data.subAccountId &&
      sameTags(current.tags, data.tags);
    if (same) counts.unchanged += 1;
    else updates.push(db.costRecord.update({ where: { id: current.id }, data }));
  }

  for (const batch of chunks(creates, 500)) counts.created += (await db.costRecord.createMany({ data: batch, skipDuplicates: true })).count;
  for (const batch of chunks(updates, 200)) {
    await db.$transaction(batch);
    counts.updated += batch.length;
  }
  const superseded = existing.filter((row) => absorbedIds.has(row.providerResourceId) && !keys.has(`${row.providerResourceId}|${row.chargePeriodStart.toISOString().slice(0, 10)}`)).map((row) => row.id);
  for (const batch of chunks(superseded, 500)) counts.removed += (await db.costRecord.deleteMany({ where: { id: { in: batch } } })).count;
  // Re-derive the daily rollups for exactly the days this run owns and the monthly one for the months they touch
  // (also on a no-op run: cheap, and it heals a rollup that a manual edit or a bulk load left behind).
  const days = [firstDay.toISOString().slice(0, 10), lastDay.toISOString().slice(0, 10), ...rows.map((row) => row.date)].sort();
  await refreshCostRollups(db, target.connectionId, days[0]!, days[days.length - 1]!);
  return counts;
}
