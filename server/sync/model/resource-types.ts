/** The resource taxonomy every provider's billing objects are normalized into (DESIGN.md, billing-first sync). */
export const NORMALIZED_TYPES = [
  "server",
  "volume",
  "file_storage",
  "database",
  "kubernetes",
  "load_balancer",
  "floating_ip",
  "s3_bucket",
  "container_registry",
  "backup",
] as const;

export type NormalizedType = (typeof NORMALIZED_TYPES)[number];

/** Account and project are structural resources the sync adds itself; they carry no cost of their own. */
export type ResourceType = NormalizedType | "account" | "project";

/**
 * One status vocabulary for every provider. Servers use RUNNING…UNKNOWN; billed services without a state of
 * their own are ACTIVE; standalone volumes use AVAILABLE / IN_USE; closed records become DELETED.
 */
export const RESOURCE_STATUSES = [
  "RUNNING",
  "STOPPED",
  "SUSPENDED",
  "PENDING",
  "ERROR",
  "DELETED_BILLED",
  "ACTIVE",
  "AVAILABLE",
  "IN_USE",
  "DELETED",
  "UNKNOWN",
] as const;

export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

/** FOCUS ServiceCategory values where one fits, plus a provider-neutral service name for the UI and cost rows. */
export const SERVICE_BY_TYPE: Record<ResourceType, { serviceName: string; serviceCategory: string | null }> = {
  server: { serviceName: "Cloud Servers", serviceCategory: "Compute" },
  volume: { serviceName: "Block Storage", serviceCategory: "Storage" },
  file_storage: { serviceName: "File Storage", serviceCategory: "Storage" },
  database: { serviceName: "Managed Databases", serviceCategory: "Databases" },
  kubernetes: { serviceName: "Managed Kubernetes", serviceCategory: "Compute" },
  load_balancer: { serviceName: "Load Balancers", serviceCategory: "Networking" },
  floating_ip: { serviceName: "Public IP Addresses", serviceCategory: "Networking" },
  s3_bucket: { serviceName: "Object Storage", serviceCategory: "Storage" },
  container_registry: { serviceName: "Container Registry", serviceCategory: "Developer Tools" },
  backup: { serviceName: "Backup", serviceCategory: "Storage" },
  account: { serviceName: "Account", serviceCategory: null },
  project: { serviceName: "Project", serviceCategory: null },
};

export function isNormalizedType(value: string): value is NormalizedType {
  return (NORMALIZED_TYPES as readonly string[]).includes(value);
}
