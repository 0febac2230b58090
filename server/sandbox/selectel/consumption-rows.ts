import type { ConsumptionQuery, GroupType } from "./consumption-params";
import type { IndexedMetric, IndexedObject } from "./billing-index";
import { formatDecimal } from "./decimal-quantity";
import { HOUR_MS, floorHour } from "./moscow-time";
import { periodBuckets } from "./period-buckets";
import { hourCharge, hourQuantity, type HourFactor } from "./usage-profile";

export interface ConsumptionRow {
  account_id: string;
  provider_key: string;
  /** Kopecks, integer. */
  value: number;
  period: string;
  project: { id: string; name: string } | null;
  metric: { id: string; name: string; quantity: string; unit: string; region: string | null } | null;
  object: { id: string; name: string; type: string; parent_id: string | null; parent_name: string | null } | null;
  provision_start: string | null;
  provision_end: string | null;
}

interface Dimensions {
  project: boolean;
  object: boolean;
  metric: boolean;
  region: boolean;
}

const DIMENSIONS: Record<GroupType, Dimensions> = {
  project: { project: true, object: false, metric: false, region: false },
  object: { project: true, object: true, metric: false, region: false },
  metric: { project: false, object: false, metric: true, region: false },
  project_metric: { project: true, object: false, metric: true, region: false },
  region_metric: { project: false, object: false, metric: true, region: true },
  object_metric: { project: true, object: true, metric: true, region: false },
  project_object_region_metric: { project: true, object: true, metric: true, region: true },
};

/**
 * What a metric with a usage profile cost over the whole hours [lo, hi): the sum of each hour's own rounded
 * charge, so any bucket (hour, day, month, all) is exactly the sum of its hours.
 */
function profiledCharge(metric: IndexedMetric, usage: HourFactor, lo: number, hi: number): { value: number; quantity: bigint } {
  let value = 0;
  let quantity = 0n;
  for (let hour = lo; hour < hi; hour += HOUR_MS) {
    const permille = usage(hour);
    if (permille === 0) continue;
    value += hourCharge(metric.source.kopecksPerHour, permille);
    quantity += hourQuantity(metric.quantityPerHour, permille);
  }
  return { value, quantity };
}

/**
 * The charges of every billed object × metric in each period bucket: kopecksPerHour × the whole hours the
 * object was billed inside both the bucket and the query range (hour by hour for a usage profile). Only
 * completed hours are billed (an hour is posted once it closes), so nothing at or after `nowMs`'s hour appears.
 * A metric that consumed nothing in a bucket (a scheduled runner on a Sunday) has no row, as in the real API.
 * Rows are then summed per group.
 */
export function buildConsumptionRows(accountId: string, objects: IndexedObject[], query: ConsumptionQuery, nowMs: number): ConsumptionRow[] {
  const dims = DIMENSIONS[query.groupType];
  const rangeEnd = Math.min(query.to, floorHour(nowMs));
  const buckets = periodBuckets(query.periodGroupType, query.from, query.to);
  const groups = new Map<string, { row: ConsumptionRow; quantity: bigint | null }>();
  const rows: ConsumptionRow[] = [];

  for (const bucket of buckets) {
    for (const object of objects) {
      if (!query.providerKeys.has(object.providerKey)) continue;
      const lo = Math.max(bucket.start, query.from, object.fromMs);
      const hi = Math.min(bucket.end, rangeEnd, object.untilMs);
      if (hi <= lo) continue;
      const hours = (hi - lo) / HOUR_MS;
      for (const metric of object.metrics) {
        let value: number;
        let quantity: bigint;
        if (metric.usage) {
          ({ value, quantity } = profiledCharge(metric, metric.usage, lo, hi));
          if (value === 0 && quantity === 0n) continue;
        } else {
          value = metric.source.kopecksPerHour * hours;
          quantity = metric.quantityPerHour * BigInt(hours);
        }
        if (dims.object && dims.metric) {
          // One row per cell: no grouping map needed, which keeps 50k-row answers cheap.
          rows.push(row(accountId, object, metric, bucket.period, value, quantity, dims));
          continue;
        }
        const key = [
          bucket.period,
          object.providerKey,
          dims.project ? object.source.projectId : "",
          dims.object ? object.source.id : "",
          dims.metric ? metric.source.id : "",
          dims.region ? object.source.region : "",
        ].join("\u0000");
        const group = groups.get(key);
        if (group) {
          group.row.value += value;
          if (group.quantity !== null) group.quantity += quantity;
        } else {
          groups.set(key, { row: row(accountId, object, metric, bucket.period, value, quantity, dims), quantity: dims.metric ? quantity : null });
        }
      }
    }
  }
  for (const { row: grouped, quantity } of groups.values()) {
    if (grouped.metric && quantity !== null) grouped.metric.quantity = formatDecimal(quantity);
    rows.push(grouped);
  }
  return rows;
}

function row(accountId: string, object: IndexedObject, metric: IndexedMetric, period: string, value: number, quantity: bigint, dims: Dimensions): ConsumptionRow {
  const { source } = object;
  return {
    account_id: accountId,
    provider_key: object.providerKey,
    value,
    period,
    project: dims.project ? { id: source.projectId, name: object.projectName } : null,
    metric: dims.metric
      ? { id: metric.source.id, name: metric.source.name, quantity: formatDecimal(quantity), unit: metric.source.unit, region: dims.region ? source.region : null }
      : null,
    object: dims.object ? { id: source.id, name: source.name, type: source.type, parent_id: source.parentId ?? null, parent_name: object.parentName } : null,
    provision_start: dims.object ? object.provisionStart : null,
    provision_end: dims.object ? object.provisionEnd : null,
  };
}
