import type { DailyCost } from "../model/unified-resource";
import type { NormalizedType } from "../model/resource-types";
import { inferResourceType, normalizeResourceType } from "../normalize/normalize-resource-type";
import { normalizeRegion } from "../normalize/normalize-region";
import { billingDayOf } from "../billing-window";
import type { BillingPhaseOutput, SerializedBillingLine } from "./01-billing";

export interface BilledMetric {
  metric: string | null;
  quantity: string | null;
  unit: string | null;
  costMinor: number;
}

/** Everything billing says about one object (a VM, a volume, a cluster…) over the window. */
export interface BillingObject {
  providerResourceId: string;
  name: string | null;
  billingType: string;
  type: NormalizedType | null;
  /** Only for unknown types: a guess from the words in the type, name and metrics. */
  inferredType: NormalizedType | null;
  parentId: string | null;
  projectId: string | null;
  projectName: string | null;
  /** Region with any zone letter dropped (ru-3b → ru-3). */
  region: string | null;
  billingRegion: string | null;
  /** Charged in the latest hour (or, without hourly data, on the latest day): the object still exists. */
  current: boolean;
  /** Kopecks of the latest hour (or latest day, see BillingGroups.basis). */
  currentMinor: number;
  /** Kopecks over the whole window. */
  periodMinor: number;
  daily: DailyCost[];
  /** The latest hour's (or day's) lines, one per metric. */
  metrics: BilledMetric[];
  /** The provider's lines, kept only for unknown types (UnrecognizedResource.rawBilling). */
  rawLines: unknown[];
}

export interface BillingGroups {
  /** hourly: currentMinor is the latest complete hour; daily: no hourly data, currentMinor is the latest day. */
  basis: "hourly" | "daily";
  currency: string;
  objects: BillingObject[];
  projects: { id: string; name: string | null }[];
}

/** The provider-calendar day of a line (Selectel's Moscow day starts at 21:00 UTC), once per distinct start. */
function dayLabeler(dayOffsetMinutes: number): (iso: string) => string {
  const days = new Map<string, string>();
  return (iso) => {
    let day = days.get(iso);
    if (day === undefined) {
      day = billingDayOf(iso, dayOffsetMinutes);
      days.set(iso, day);
    }
    return day;
  };
}

function emptyObject(line: SerializedBillingLine): BillingObject {
  return {
    providerResourceId: line.providerResourceId,
    name: line.resourceName,
    billingType: line.billingType,
    type: null,
    inferredType: null,
    parentId: line.parentId,
    projectId: line.projectId,
    projectName: line.projectName,
    region: normalizeRegion(line.region),
    billingRegion: line.region,
    current: false,
    currentMinor: 0,
    periodMinor: 0,
    daily: [],
    metrics: [],
    rawLines: [],
  };
}

/** Later lines only fill what earlier ones left empty: the latest hour is read first, so its names win. */
function fillGaps(object: BillingObject, line: SerializedBillingLine) {
  object.name ??= line.resourceName;
  object.parentId ??= line.parentId;
  object.projectId ??= line.projectId;
  object.projectName ??= line.projectName;
  object.billingRegion ??= line.region;
  object.region ??= normalizeRegion(line.region);
}

/** Phase 2: one object per billed resource with its current rate, window total and daily charges, typed. */
export function groupBillingByType(billing: BillingPhaseOutput): BillingGroups {
  const basis = billing.latestHour ? "hourly" : "daily";
  const dayOf = dayLabeler(billing.window.dayOffsetMinutes ?? 0);
  const lastDay = billing.daily.reduce((latest, line) => (dayOf(line.periodStart) > latest ? dayOf(line.periodStart) : latest), "");
  const currentLines = billing.latestHour?.lines ?? billing.daily.filter((line) => dayOf(line.periodStart) === lastDay);
  const objects = new Map<string, BillingObject>();
  const dailyByObject = new Map<string, Map<string, number>>();
  const linesFor = new Map<string, SerializedBillingLine[]>();

  const objectFor = (line: SerializedBillingLine) => {
    let object = objects.get(line.providerResourceId);
    if (!object) {
      object = emptyObject(line);
      objects.set(line.providerResourceId, object);
    } else fillGaps(object, line);
    return object;
  };

  const addLine = (line: SerializedBillingLine) => {
    const lines = linesFor.get(line.providerResourceId);
    if (lines) lines.push(line);
    else linesFor.set(line.providerResourceId, [line]);
  };

  for (const line of currentLines) {
    const object = objectFor(line);
    object.current = true;
    object.currentMinor += line.costMinor;
    object.metrics.push({ metric: line.metric, quantity: line.quantity, unit: line.unit, costMinor: line.costMinor });
    addLine(line);
  }
  for (const line of billing.daily) {
    const object = objectFor(line);
    object.periodMinor += line.costMinor;
    const days = dailyByObject.get(object.providerResourceId) ?? new Map<string, number>();
    const day = dayOf(line.periodStart);
    days.set(day, (days.get(day) ?? 0) + line.costMinor);
    dailyByObject.set(object.providerResourceId, days);
    if (!object.current) addLine(line);
  }

  const projects = new Map<string, string | null>();
  for (const object of objects.values()) {
    object.daily = [...(dailyByObject.get(object.providerResourceId) ?? new Map<string, number>())]
      .map(([date, costMinor]) => ({ date, costMinor }))
      .sort((a, b) => a.date.localeCompare(b.date));
    const lines = linesFor.get(object.providerResourceId) ?? [];
    const metrics = lines.map((line) => line.metric);
    object.type = normalizeResourceType(object.billingType) ?? metrics.map((metric) => normalizeResourceType(null, metric)).find((type) => type !== null) ?? null;
    if (!object.type) {
      object.inferredType = inferResourceType(object.billingType, object.name, metrics);
      object.rawLines = lines.map((line) => line.raw ?? line);
    }
    if (object.projectId && !projects.get(object.projectId)) projects.set(object.projectId, object.projectName);
  }

  return {
    basis,
    currency: billing.currency,
    objects: [...objects.values()],
    projects: [...projects].map(([id, name]) => ({ id, name })),
  };
}

export function countGroups(groups: BillingGroups): Record<string, number> {
  const counts: Record<string, number> = { objects: groups.objects.length, current: 0, unrecognized: 0 };
  for (const object of groups.objects) {
    if (object.current) counts.current = (counts.current ?? 0) + 1;
    const key = object.type ?? "unrecognized";
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
