/**
 * The daily rollups and their week and month sums (Cost*PeriodRollup: the same columns plus grain, day = the
 * bucket's first day). Both sides of a pair share every column but the grain, so a source can read whole buckets
 * from one and the partial ones from the other with the same column list.
 */
export const PERIOD_GRAINS = ["week", "month"] as const;
export type PeriodGrain = (typeof PERIOD_GRAINS)[number];

export interface PeriodRollup {
  daily: string;
  period: string;
  /** The dimensions besides organization, connection, provider and day. */
  dimensions: string[];
}

export const PERIOD_ROLLUPS = [
  { daily: "CostDailyRollup", period: "CostPeriodRollup", dimensions: ["serviceName", "regionId", "subAccountId", "resourceType"] },
  { daily: "CostDailyServiceRollup", period: "CostPeriodServiceRollup", dimensions: ["serviceName"] },
  { daily: "CostDailyTagRollup", period: "CostPeriodTagRollup", dimensions: ["tagKey", "tagValue", "serviceName"] },
  { daily: "CostDailyTagValueRollup", period: "CostPeriodTagValueRollup", dimensions: ["tagKey", "tagValue"] },
] as const satisfies readonly PeriodRollup[];
