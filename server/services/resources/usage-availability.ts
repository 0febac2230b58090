import { listProviders } from "../../providers/registry";

/**
 * Why a resource has (or cannot have) CPU and memory charts, so an empty chart always says which it is:
 * the provider reports no load at all, only servers are measured, the server is gone from the cloud, or the
 * sync has not brought any sample yet (the next one will, if the cloud runs telemetry).
 */
export type UsageAvailability = "collected" | "not_collected" | "unsupported_provider" | "not_a_server" | "deleted";

export function providerReportsUsage(providerId: string): boolean {
  return listProviders().some((plugin) => plugin.manifest.id === providerId && plugin.manifest.capabilities.includes("usage"));
}

export function usageAvailability(resource: { providerId: string; resourceType: string; isZombie: boolean; isActive: boolean }, hasSamples: boolean): UsageAvailability {
  if (hasSamples) return "collected";
  if (!providerReportsUsage(resource.providerId)) return "unsupported_provider";
  if (resource.resourceType !== "server") return "not_a_server";
  if (resource.isZombie || !resource.isActive) return "deleted";
  return "not_collected";
}
