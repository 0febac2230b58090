import type { SandboxScenario, ScenarioBillingMetric, ScenarioServerLoad } from "../scenario";

/**
 * The smallest real-looking Selectel account: one project in ru-3 with two 1 vCPU / 1 GB servers, each with
 * its 5 GB universal boot volume. Rates are whole kopecks per hour in the range Selectel charges
 * (≈450 ₽/month per vCPU, ≈250 ₽/month per GB of RAM, ≈13 ₽/month per GB of universal volume).
 */
const ACCOUNT_ID = "123456";
const PROJECT_ID = "a51c2f0e9b7d4c6e8f1a3b5c7d9e0f12";
const FLAVOR = { id: "1011", name: "SL1.1-1024", vcpus: 1, ramMb: 1024, diskGb: 0 };
const NETWORK = { id: "5f0c7a2e-1b3d-4e6f-8a9b-0c1d2e3f4a5b", name: "nat" };
const BILLED_FROM = "2025-09-01T09:12:00Z";

/** Kopecks per hour, so tests can state expected charges without re-deriving them. */
export const SELECTEL_SEED_RATES = { vcpu: 62, ram1Gb: 34, universalVolume5Gb: 9 } as const;

const VMS = [
  {
    id: "2b7e9c14-5d3a-4f8e-b1c6-7a0d9e8f6c51",
    name: "Doreen",
    ip: "192.168.0.2",
    mac: "fa:16:3e:1d:7a:02",
    portId: "c0a80002-6c1e-4b5a-9d8f-1e2d3c4b5a60",
    volumeId: "d15c0d01-0b0e-4d1c-9a7f-5e3b2c1d0a01",
  },
  {
    id: "8e4d2a61-3c7b-4a9e-8f05-b6c1d2e3f4a7",
    name: "Tilly",
    ip: "192.168.0.188",
    mac: "fa:16:3e:5b:c2:bc",
    portId: "c0a800bc-2f4e-4d6a-8b1c-3e5f7a9b1c20",
    volumeId: "d15c0d02-0b0e-4d1c-9a7f-5e3b2c1d0a02",
  },
];

/** Doreen serves the site (busy by day), Tilly is a forgotten test box (idle): what Gnocchi reports for them. */
export const SEED_LOADS = {
  Doreen: { cpu: { base: 42, daily: 12, weekend: 0.8, noise: 4 }, ram: { base: 61, daily: 4, noise: 1 } },
  Tilly: { cpu: { base: 2.5, daily: 0.5, noise: 0.5 }, ram: { base: 18, noise: 0.5 } },
} satisfies Record<string, ScenarioServerLoad>;

const vmMetrics: ScenarioBillingMetric[] = [
  { id: "compute_cores", name: "vCPU", unit: "item", quantityPerHour: "1", kopecksPerHour: SELECTEL_SEED_RATES.vcpu },
  { id: "compute_ram", name: "RAM", unit: "MB", quantityPerHour: "1024", kopecksPerHour: SELECTEL_SEED_RATES.ram1Gb },
];
// 5 GB at ≈13 ₽/GB/month rounds to 9 kopecks an hour.
const volumeMetrics: ScenarioBillingMetric[] = [
  { id: "volume_gigabytes_universal", name: "Universal volume", unit: "GB", quantityPerHour: "5", kopecksPerHour: SELECTEL_SEED_RATES.universalVolume5Gb },
];

export const selectelSeedScenario: SandboxScenario = {
  name: "selectel-seed",
  description: "Account 123456: project \"My First Project\" in ru-3 with servers Doreen and Tilly and their boot volumes.",
  account: { id: ACCOUNT_ID, name: "Selectel 123456", balanceKopecks: 1_543_217, bonusKopecks: 25_000, daysLeft: 42 },
  auth: {
    apiKeys: ["seed-selectel-api-key-7f3a9c2e51b04d68"],
    users: [{ name: "finops-reader", password: "Seed-Reader-Passw0rd", domain: ACCOUNT_ID, projectIds: [PROJECT_ID] }],
  },
  projects: [{ id: PROJECT_ID, name: "My First Project" }],
  regions: [{ name: "ru-3", zones: ["ru-3a", "ru-3b"] }],
  flavors: [FLAVOR],
  servers: VMS.map((server) => ({
    id: server.id,
    name: server.name,
    projectId: PROJECT_ID,
    region: "ru-3",
    zone: "ru-3b",
    status: "ACTIVE",
    flavorId: FLAVOR.id,
    createdAt: BILLED_FROM,
    nics: [{ portId: server.portId, networkId: NETWORK.id, networkName: NETWORK.name, ip: server.ip, mac: server.mac }],
    load: SEED_LOADS[server.name as keyof typeof SEED_LOADS],
  })),
  telemetry: {},
  volumes: VMS.map((server) => ({
    id: server.volumeId,
    name: `disk-for-${server.name}-#1`,
    projectId: PROJECT_ID,
    region: "ru-3",
    zone: "ru-3b",
    sizeGb: 5,
    volumeType: "universal.ru-3b",
    bootable: true,
    status: "in-use",
    attachment: { serverId: server.id, device: "/dev/sda" },
    createdAt: BILLED_FROM,
  })),
  billing: VMS.flatMap((server) => [
    { id: server.id, name: server.name, type: "cloud_vm", projectId: PROJECT_ID, region: "ru-3b", metrics: vmMetrics, billedFrom: BILLED_FROM },
    {
      id: server.volumeId,
      name: `disk-for-${server.name}-#1`,
      type: "volume_universal",
      parentId: server.id,
      projectId: PROJECT_ID,
      region: "ru-3b",
      metrics: volumeMetrics,
      billedFrom: BILLED_FROM,
    },
  ]),
};
