import type { SandboxScenario, ScenarioBillingMetric, ScenarioBillingObject } from "../scenario";

/**
 * Two projects in two regions with every case the billing-first sync must tell apart: live servers (Winona in
 * ru-3, Rhiannon in ru-8), a zombie (Annemarie: billed, absent from OpenStack), an orphan volume, a floating
 * IP, DBaaS and MKS objects, two billing types nobody knows, and volumes tied to their server by only one
 * clue each — the billing parent_id, or the `disk-for-<vm>-#N` name.
 */
const ACCOUNT_ID = "204060";
const MAIN = { id: "6f1e2d3c4b5a49788695a4b3c2d1e0f9", name: "My First Project" };
const ANALYTICS = { id: "0a9b8c7d6e5f40312233445566778899", name: "Analytics" };
const FROM = "2025-09-10T06:00:00Z";

export const MULTI_PROJECT_IDS = {
  projects: { main: MAIN.id, analytics: ANALYTICS.id },
  winona: "3c1f5a7e-9b2d-4e6f-8a0c-1d3e5f7a9b11",
  rhiannon: "7d2e6b8f-0c3a-4f5e-9b1d-2e4f6a8b0c22",
  annemarie: "9e3f7c0a-1d4b-4a6f-8c2e-3f5a7b9c1d33",
  winonaBoot: "a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a01",
  winonaByName: "a1b2c3d4-0002-4e5f-8a9b-0c1d2e3f4a02",
  rhiannonBoot: "a1b2c3d4-0003-4e5f-8a9b-0c1d2e3f4a03",
  rhiannonByParent: "a1b2c3d4-0004-4e5f-8a9b-0c1d2e3f4a04",
  orphan: "a1b2c3d4-0005-4e5f-8a9b-0c1d2e3f4a05",
  annemarieBoot: "a1b2c3d4-0006-4e5f-8a9b-0c1d2e3f4a06",
  floatingIp: "f1f1f1f1-0007-4e5f-8a9b-0c1d2e3f4a07",
  dbaas: "db000000-0008-4e5f-8a9b-0c1d2e3f4a08",
  mks: "c8500000-0009-4e5f-8a9b-0c1d2e3f4a09",
  unknownTypes: ["ml_inference_endpoint", "edge_cache_node"],
} as const;
const ids = MULTI_PROJECT_IDS;

const cores = (count: number, kopecks: number): ScenarioBillingMetric => ({ id: "compute_cores", name: "vCPU", unit: "item", quantityPerHour: String(count), kopecksPerHour: kopecks });
const ram = (mb: number, kopecks: number): ScenarioBillingMetric => ({ id: "compute_ram", name: "RAM", unit: "MB", quantityPerHour: String(mb), kopecksPerHour: kopecks });
const disk = (tier: string, gb: number, kopecks: number): ScenarioBillingMetric => ({ id: `volume_gigabytes_${tier}`, name: `${tier} volume`, unit: "GB", quantityPerHour: String(gb), kopecksPerHour: kopecks });

const billed = (object: Omit<ScenarioBillingObject, "billedFrom"> & { billedFrom?: string }): ScenarioBillingObject => ({ billedFrom: FROM, ...object });

export const selectelMultiProjectScenario: SandboxScenario = {
  name: "selectel-multi-project",
  description: "Two projects (ru-3, ru-8): live VMs, a zombie, an orphan volume, a floating IP, DBaaS, MKS and unknown billing types.",
  account: { id: ACCOUNT_ID, name: "Selectel 204060", balanceKopecks: 987_654_321, daysLeft: 120 },
  auth: {
    apiKeys: ["multi-selectel-api-key-4c8e1a7b3d9f2065"],
    users: [{ name: "svc-finops", password: "Multi-Finops-Passw0rd", domain: ACCOUNT_ID, projectIds: [MAIN.id, ANALYTICS.id] }],
  },
  projects: [MAIN, ANALYTICS],
  regions: [
    { name: "ru-3", zones: ["ru-3a", "ru-3b"] },
    { name: "ru-8", zones: ["ru-8a"] },
  ],
  flavors: [
    { id: "1013", name: "SL1.2-4096", vcpus: 2, ramMb: 4096, diskGb: 0 },
    { id: "1021", name: "SL1.4-8192", vcpus: 4, ramMb: 8192, diskGb: 0 },
  ],
  servers: [
    {
      id: ids.winona, name: "Winona", projectId: MAIN.id, region: "ru-3", zone: "ru-3b", status: "ACTIVE", flavorId: "1013", createdAt: FROM,
      nics: [{ portId: "b0000001-1111-4222-8333-444455556601", networkId: "e0000001-aaaa-4bbb-8ccc-dddd00000001", networkName: "nat", ip: "192.168.0.14", mac: "fa:16:3e:0a:00:0e", floatingIp: "87.228.101.42" }],
    },
    {
      id: ids.rhiannon, name: "Rhiannon", projectId: ANALYTICS.id, region: "ru-8", zone: "ru-8a", status: "ACTIVE", flavorId: "1021", createdAt: FROM,
      nics: [{ portId: "b0000002-1111-4222-8333-444455556602", networkId: "e0000002-aaaa-4bbb-8ccc-dddd00000002", networkName: "analytics-net", ip: "10.20.0.5", mac: "fa:16:3e:14:00:05" }],
    },
  ],
  volumes: [
    { id: ids.winonaBoot, name: "disk-for-Winona-#1", projectId: MAIN.id, region: "ru-3", zone: "ru-3b", sizeGb: 10, volumeType: "universal.ru-3b", bootable: true, status: "in-use", attachment: { serverId: ids.winona, device: "/dev/sda" }, createdAt: FROM },
    // Tied to Winona by its name only: no attachment in Cinder, no parent_id in billing.
    { id: ids.winonaByName, name: "disk-for-Winona-#2", projectId: MAIN.id, region: "ru-3", zone: "ru-3b", sizeGb: 30, volumeType: "universal.ru-3b", bootable: false, status: "available", createdAt: FROM },
    { id: ids.rhiannonBoot, name: "disk-for-Rhiannon-#1", projectId: ANALYTICS.id, region: "ru-8", zone: "ru-8a", sizeGb: 20, volumeType: "fast.ru-8a", bootable: true, status: "in-use", attachment: { serverId: ids.rhiannon, device: "/dev/sda" }, createdAt: FROM },
    // Tied to Rhiannon by billing's parent_id only.
    { id: ids.rhiannonByParent, name: "analytics-scratch", projectId: ANALYTICS.id, region: "ru-8", zone: "ru-8a", sizeGb: 50, volumeType: "basic.ru-8a", bootable: false, status: "available", createdAt: FROM },
    { id: ids.orphan, name: "old-backup-volume", projectId: MAIN.id, region: "ru-3", zone: "ru-3a", sizeGb: 100, volumeType: "fast.ru-3a", bootable: false, status: "available", createdAt: FROM },
  ],
  infraPorts: [
    { id: "b0000009-1111-4222-8333-444455556609", projectId: MAIN.id, region: "ru-3", networkId: "e0000001-aaaa-4bbb-8ccc-dddd00000001", deviceOwner: "network:router_interface", deviceId: "r0000001-0000-4000-8000-000000000001", ip: "192.168.0.1", mac: "fa:16:3e:0a:00:01" },
  ],
  // Gnocchi in both pools; the servers' load is the sandbox's default for their ids.
  telemetry: {},
  billing: [
    billed({ id: ids.winona, name: "Winona", type: "cloud_vm", projectId: MAIN.id, region: "ru-3b", metrics: [cores(2, 124), ram(4096, 136)] }),
    billed({ id: ids.winonaBoot, name: "disk-for-Winona-#1", type: "volume_universal", parentId: ids.winona, projectId: MAIN.id, region: "ru-3b", metrics: [disk("universal", 10, 18)] }),
    billed({ id: ids.winonaByName, name: "disk-for-Winona-#2", type: "volume_universal", projectId: MAIN.id, region: "ru-3b", metrics: [disk("universal", 30, 53)] }),
    billed({ id: ids.floatingIp, name: "87.228.101.42", type: "network_floating_ip", parentId: ids.winona, projectId: MAIN.id, region: "ru-3", metrics: [{ id: "network_floatingips", name: "Public IP", unit: "item", quantityPerHour: "1", kopecksPerHour: 27 }] }),
    billed({ id: ids.rhiannon, name: "Rhiannon", type: "cloud_vm", projectId: ANALYTICS.id, region: "ru-8a", metrics: [cores(4, 248), ram(8192, 272)] }),
    billed({ id: ids.rhiannonBoot, name: "disk-for-Rhiannon-#1", type: "volume_fast", parentId: ids.rhiannon, projectId: ANALYTICS.id, region: "ru-8a", metrics: [disk("fast", 20, 77)] }),
    billed({ id: ids.rhiannonByParent, name: "analytics-scratch", type: "volume_basic", parentId: ids.rhiannon, projectId: ANALYTICS.id, region: "ru-8a", metrics: [disk("basic", 50, 48)] }),
    // The orphan's tier is known from both its type and its metric; it started billing mid-month.
    billed({ id: ids.orphan, name: "old-backup-volume", type: "volume_fast", projectId: MAIN.id, region: "ru-3a", metrics: [disk("fast", 100, 384)], billedFrom: "2025-10-02T14:20:00Z" }),
    // The zombie: deleted from OpenStack, still billed.
    billed({ id: ids.annemarie, name: "Annemarie", type: "cloud_vm", projectId: MAIN.id, region: "ru-3b", metrics: [cores(2, 124), ram(4096, 136)] }),
    billed({ id: ids.annemarieBoot, name: "disk-for-Annemarie-#1", type: "volume_universal", parentId: ids.annemarie, projectId: MAIN.id, region: "ru-3b", metrics: [disk("universal", 10, 18)] }),
    billed({ id: ids.dbaas, name: "analytics-pg", type: "dbaas_postgresql", projectId: ANALYTICS.id, region: "ru-8", metrics: [
      { id: "dbaas_cores", name: "DBaaS vCPU", unit: "item", quantityPerHour: "2", kopecksPerHour: 180 },
      { id: "dbaas_ram", name: "DBaaS RAM", unit: "MB", quantityPerHour: "8192", kopecksPerHour: 120 },
      { id: "dbaas_volume_gigabytes", name: "DBaaS disk", unit: "GB", quantityPerHour: "40", kopecksPerHour: 31 },
    ] }),
    billed({ id: ids.mks, name: "prod-k8s", type: "mks_cluster", projectId: MAIN.id, region: "ru-3", metrics: [{ id: "mks_cluster_ha", name: "Managed Kubernetes HA control plane", unit: "item", quantityPerHour: "1", kopecksPerHour: 138 }] }),
    billed({ id: "e1e1e1e1-0010-4e5f-8a9b-0c1d2e3f4a10", name: "sentiment-endpoint", type: ids.unknownTypes[0], typeName: "ML inference endpoint", projectId: ANALYTICS.id, region: "ru-8", metrics: [{ id: "inference_gpu_seconds", name: "GPU time", unit: "s", quantityPerHour: "1800.5", kopecksPerHour: 950 }] }),
    billed({ id: "e2e2e2e2-0011-4e5f-8a9b-0c1d2e3f4a11", name: "cache-msk-1", type: ids.unknownTypes[1], projectId: MAIN.id, region: "ru-3", metrics: [{ id: "edge_cache_gigabytes", name: "Edge cache", unit: "GB", quantityPerHour: "0.25", kopecksPerHour: 3 }] }),
  ],
};
