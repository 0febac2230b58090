import type { SandboxScenario, ScenarioBillingMetric, ScenarioBillingObject } from "../scenario";
import { parseDecimal } from "./decimal-quantity";
import { ceilHour, floorHour, formatMoscowNaive } from "./moscow-time";
import { providerKeyOf } from "./object-types";
import { compileUsageProfile, type HourFactor } from "./usage-profile";

export interface IndexedMetric {
  source: ScenarioBillingMetric;
  quantityPerHour: bigint;
  /** Null: the same charge every hour (the fast path: kopecksPerHour × hours). */
  usage: HourFactor | null;
}

export interface IndexedObject {
  source: ScenarioBillingObject;
  providerKey: string;
  projectName: string;
  parentName: string | null;
  /** Hour-aligned billed interval: a started hour is a billed hour. */
  fromMs: number;
  untilMs: number;
  provisionStart: string | null;
  provisionEnd: string | null;
  metrics: IndexedMetric[];
}

/** Everything the statistic endpoints need per object, computed once per sandbox rather than per request. */
export function indexBilling(scenario: SandboxScenario): IndexedObject[] {
  const projectNames = new Map(scenario.projects.map((project) => [project.id, project.name]));
  const objectNames = new Map(scenario.billing.map((object) => [object.id, object.name]));
  return scenario.billing.map((source) => {
    const objectUsage = source.usage ? compileUsageProfile(source.usage) : null;
    const metrics = source.metrics.map((metric) => ({
      source: metric,
      quantityPerHour: parseDecimal(metric.quantityPerHour),
      usage: metric.usage ? compileUsageProfile(metric.usage) : objectUsage,
    }));
    const from = source.billedFrom ? Date.parse(source.billedFrom) : Number.NEGATIVE_INFINITY;
    const until = source.billedUntil ? Date.parse(source.billedUntil) : Number.POSITIVE_INFINITY;
    return {
      source,
      providerKey: providerKeyOf(source.type),
      projectName: projectNames.get(source.projectId) ?? source.projectId,
      parentName: source.parentId ? (objectNames.get(source.parentId) ?? null) : null,
      fromMs: Number.isFinite(from) ? floorHour(from) : from,
      untilMs: Number.isFinite(until) ? ceilHour(until) : until,
      provisionStart: Number.isFinite(from) ? formatMoscowNaive(floorHour(from)) : null,
      provisionEnd: Number.isFinite(until) ? formatMoscowNaive(ceilHour(until)) : null,
      metrics,
    };
  });
}
