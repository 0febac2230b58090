/**
 * The shape of the synthetic tenants: connections, projects, resource types with their daily price ranges.
 * Small dimension tables that the loader sends as VALUES; the 100k resources and 1M cost rows are generated from
 * them inside PostgreSQL (see load-synthetic-tenant.ts).
 */

export interface ConnectionShape {
  key: string;
  providerId: "selectel" | "openstack";
  name: string;
  /** Share of the tenant's resources on this connection. */
  weight: number;
  regions: string[];
  /** Project names; each project lives mostly in one home region, as real projects do. */
  projects: string[];
}

export interface TypeShape {
  type: string;
  serviceName: string;
  serviceCategory: string | null;
  weight: number;
  /** Daily price range in roubles; the day's charge varies ±15 % for usage-billed types. */
  minDaily: number;
  maxDaily: number;
  usageBilled: boolean;
  /** Global services carry no region in billing. */
  regional: boolean;
}

export interface TenantShape {
  slug: string;
  name: string;
  resources: number;
  costRows: number;
  connections: ConnectionShape[];
}

// Mirrors SERVICE_BY_TYPE in server/sync/model/resource-types.ts; skewed as a real estate is (mostly VMs and disks).
export const RESOURCE_TYPES: TypeShape[] = [
  { type: "server", serviceName: "Cloud Servers", serviceCategory: "Compute", weight: 34, minDaily: 40, maxDaily: 2_400, usageBilled: true, regional: true },
  { type: "volume", serviceName: "Block Storage", serviceCategory: "Storage", weight: 38, minDaily: 3, maxDaily: 320, usageBilled: false, regional: true },
  { type: "floating_ip", serviceName: "Public IP Addresses", serviceCategory: "Networking", weight: 8, minDaily: 6, maxDaily: 7, usageBilled: false, regional: true },
  { type: "backup", serviceName: "Backup", serviceCategory: "Storage", weight: 6, minDaily: 2, maxDaily: 120, usageBilled: true, regional: false },
  { type: "s3_bucket", serviceName: "Object Storage", serviceCategory: "Storage", weight: 4, minDaily: 1, maxDaily: 600, usageBilled: true, regional: true },
  { type: "load_balancer", serviceName: "Load Balancers", serviceCategory: "Networking", weight: 3, minDaily: 30, maxDaily: 110, usageBilled: false, regional: true },
  { type: "database", serviceName: "Managed Databases", serviceCategory: "Databases", weight: 3, minDaily: 180, maxDaily: 5_200, usageBilled: false, regional: true },
  { type: "kubernetes", serviceName: "Managed Kubernetes", serviceCategory: "Compute", weight: 1.5, minDaily: 450, maxDaily: 8_000, usageBilled: true, regional: true },
  { type: "file_storage", serviceName: "File Storage", serviceCategory: "Storage", weight: 1.5, minDaily: 10, maxDaily: 400, usageBilled: false, regional: true },
  { type: "container_registry", serviceName: "Container Registry", serviceCategory: "Developer Tools", weight: 1, minDaily: 5, maxDaily: 60, usageBilled: true, regional: false },
];

export const TAG_VALUES = {
  env: ["prod", "staging", "dev", "test"],
  team: ["platform", "payments", "search", "ml", "data", "mobile", "web", "security", "billing", "growth", "infra", "qa"],
  app: Array.from({ length: 30 }, (_, index) => `app-${String(index + 1).padStart(2, "0")}`),
  costCenter: ["CC-101", "CC-102", "CC-201", "CC-305", "CC-410"],
};

export const MAIN_TENANT: TenantShape = {
  slug: "bench-main",
  name: "Bench Main LLC",
  resources: 100_000,
  costRows: 1_000_000,
  connections: [
    { key: "sel-prod", providerId: "selectel", name: "Selectel — production", weight: 40, regions: ["ru-1", "ru-2", "ru-3", "ru-7"], projects: ["web-prod", "payments", "search", "api-gateway", "billing-core", "mobile-backend", "ml-serving", "data-lake"] },
    { key: "sel-stage", providerId: "selectel", name: "Selectel — staging", weight: 15, regions: ["ru-1", "ru-9"], projects: ["web-stage", "payments-stage", "qa-farm", "load-tests"] },
    { key: "sel-analytics", providerId: "selectel", name: "Selectel — analytics", weight: 15, regions: ["ru-7", "gis-1"], projects: ["dwh", "etl", "bi", "ml-training"] },
    { key: "os-dc", providerId: "openstack", name: "OpenStack — private DC", weight: 20, regions: ["RegionOne", "RegionTwo"], projects: ["core-infra", "ci-runners", "monitoring", "ldap", "backup-vault", "legacy-erp"] },
    { key: "os-edge", providerId: "openstack", name: "OpenStack — edge", weight: 10, regions: ["RegionOne"], projects: ["edge-cdn", "edge-proxy"] },
  ],
};

/** A second, small tenant in the same tables: the main tenant's queries must not pay for it, nor it for them. */
export const SMALL_TENANT: TenantShape = {
  slug: "bench-small",
  name: "Bench Small LLC",
  resources: 2_000,
  costRows: 20_000,
  connections: [{ key: "os-small", providerId: "openstack", name: "OpenStack — small", weight: 1, regions: ["RegionOne"], projects: ["shop", "crm"] }],
};

/** Three years of history ending today: 1,096 days (one leap day included). */
export const HISTORY_DAYS = 1_096;
