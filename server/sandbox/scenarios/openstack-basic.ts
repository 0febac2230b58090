import type { SandboxScenario, ScenarioServer, ScenarioVolume } from "../scenario";

/**
 * A plain OpenStack cloud (no billing API): projects "production" (both regions) and "staging" (RegionOne only),
 * six servers of which one is SHUTOFF, boot and data volumes of types ssd and hdd with two unattached, a router
 * interface and a DHCP port that are not VM NICs, and a CI user that may only reach staging.
 */
const PRODUCTION = "3f1c2a9e8b7d4e6fa1b2c3d4e5f60718";
const STAGING = "9a8b7c6d5e4f40312a1b0c9d8e7f6a5b";
const NETWORKS = {
  prodOne: { networkId: "6a1d9c3e-2b4f-4e8a-9c7d-1e2f3a4b5c6d", networkName: "prod-net" },
  prodTwo: { networkId: "7b2e0d4f-3c5a-4f9b-8d6e-2f3a4b5c6d7e", networkName: "prod-net-r2" },
  staging: { networkId: "8c3f1e5a-4d6b-40ac-9e7f-3a4b5c6d7e8f", networkName: "stage-net" },
};

/** The rate card a connection to this cloud is set up with (settings of the generic OpenStack plugin). */
export const OPENSTACK_BASIC_RATE_CARD = {
  currency: "RUB",
  flavors: { "m1.small": "1200", "m1.medium": "2400.50", "m1.large": "4800.00" },
  volumeTypes: { ssd: "12.5", hdd: "3.6" },
  floatingIp: "150",
};

export const OPENSTACK_BASIC_USERS = {
  finops: { name: "finops", password: "Finops-Sandbox-Pass1", domain: "Default" },
  ciBot: { name: "ci-bot", password: "Ci-Bot-Sandbox-Pass1", domain: "Default", projectIds: [STAGING] },
};

export const OPENSTACK_BASIC_PROJECTS = {
  production: { id: PRODUCTION, name: "production" },
  staging: { id: STAGING, name: "staging" },
};

type ServerSeed = Omit<ScenarioServer, "nics"> & { nic: { net: keyof typeof NETWORKS; portId: string; ip: string; mac: string; floatingIp?: string } };

const SERVERS: ServerSeed[] = [
  {
    id: "0d6f2a41-7c3e-4b9a-8e1d-5f6a7b8c9d01",
    name: "web-1", projectId: PRODUCTION, region: "RegionOne", zone: "az-1", status: "ACTIVE", flavorId: "2", createdAt: "2025-06-01T08:00:00Z",
    metadata: { role: "web" },
    load: { cpu: { base: 28, daily: 10, noise: 4 }, ram: { base: 55, daily: 3, noise: 1 } },
    nic: { net: "prodOne", portId: "a1000000-0000-4000-8000-000000000011", ip: "10.0.0.11", mac: "fa:16:3e:00:00:11", floatingIp: "203.0.113.10" },
  },
  {
    id: "1e7a3b52-8d4f-4cab-9f2e-6a7b8c9d0e02",
    name: "web-2", projectId: PRODUCTION, region: "RegionOne", zone: "az-2", status: "ACTIVE", flavorId: "2", createdAt: "2025-06-01T08:05:00Z",
    metadata: { role: "web" },
    nic: { net: "prodOne", portId: "a1000000-0000-4000-8000-000000000012", ip: "10.0.0.12", mac: "fa:16:3e:00:00:12" },
  },
  {
    id: "2f8b4c63-9e5a-4dbc-8a3f-7b8c9d0e1f03",
    name: "db-1", projectId: PRODUCTION, region: "RegionOne", zone: "az-1", status: "ACTIVE", flavorId: "3", createdAt: "2025-05-15T10:00:00Z",
    load: { cpu: { base: 63, daily: 8, noise: 3 }, ram: { base: 81, daily: 1, noise: 1 } },
    nic: { net: "prodOne", portId: "a1000000-0000-4000-8000-000000000021", ip: "10.0.0.21", mac: "fa:16:3e:00:00:21" },
  },
  {
    id: "3a9c5d74-0f6b-4ecd-9b4a-8c9d0e1f2a04",
    name: "legacy-worker", projectId: PRODUCTION, region: "RegionOne", zone: "az-2", status: "SHUTOFF", flavorId: "1", createdAt: "2024-11-20T12:00:00Z",
    nic: { net: "prodOne", portId: "a1000000-0000-4000-8000-000000000031", ip: "10.0.0.31", mac: "fa:16:3e:00:00:31" },
  },
  {
    id: "4b0d6e85-1a7c-4fde-8c5b-9d0e1f2a3b05",
    name: "backup-1", projectId: PRODUCTION, region: "RegionTwo", zone: "az-3", status: "ACTIVE", flavorId: "1", createdAt: "2025-07-10T06:30:00Z",
    nic: { net: "prodTwo", portId: "b2000000-0000-4000-8000-000000000005", ip: "10.1.0.5", mac: "fa:16:3e:01:00:05" },
  },
  {
    id: "5c1e7f96-2b8d-40ef-9d6c-0e1f2a3b4c06",
    name: "stage-app", projectId: STAGING, region: "RegionOne", zone: "az-1", status: "ACTIVE", flavorId: "1", createdAt: "2025-08-01T09:00:00Z",
    nic: { net: "staging", portId: "c3000000-0000-4000-8000-000000000007", ip: "10.2.0.7", mac: "fa:16:3e:02:00:07" },
  },
];

function volume(
  id: string,
  name: string,
  server: ServerSeed | null,
  seed: Pick<ScenarioVolume, "sizeGb" | "volumeType" | "bootable"> & { device?: string; projectId?: string; region?: string; zone?: string; createdAt?: string },
): ScenarioVolume {
  return {
    id,
    name,
    projectId: server?.projectId ?? seed.projectId ?? PRODUCTION,
    region: server?.region ?? seed.region ?? "RegionOne",
    zone: server?.zone ?? seed.zone ?? "az-1",
    sizeGb: seed.sizeGb,
    volumeType: seed.volumeType,
    bootable: seed.bootable,
    status: server ? "in-use" : "available",
    ...(server ? { attachment: { serverId: server.id, device: seed.device ?? "/dev/vda" } } : {}),
    createdAt: server?.createdAt ?? seed.createdAt ?? "2025-01-01T00:00:00Z",
  };
}

const [web1, web2, db1, legacy, backup1, stageApp] = SERVERS as [ServerSeed, ServerSeed, ServerSeed, ServerSeed, ServerSeed, ServerSeed];

export const openstackBasicScenario: SandboxScenario = {
  name: "openstack-basic",
  description:
    "Plain OpenStack: production in RegionOne and RegionTwo, staging in RegionOne; one SHUTOFF server, two unattached volumes, a router interface.",
  account: { id: "default", name: "OpenStack sandbox", balanceKopecks: 0, daysLeft: null },
  auth: { apiKeys: [], users: [OPENSTACK_BASIC_USERS.finops, OPENSTACK_BASIC_USERS.ciBot] },
  projects: [OPENSTACK_BASIC_PROJECTS.production, OPENSTACK_BASIC_PROJECTS.staging],
  regions: [
    { name: "RegionOne", zones: ["az-1", "az-2"] },
    { name: "RegionTwo", zones: ["az-3"] },
  ],
  flavors: [
    { id: "1", name: "m1.small", vcpus: 1, ramMb: 2048, diskGb: 20 },
    { id: "2", name: "m1.medium", vcpus: 2, ramMb: 4096, diskGb: 40 },
    { id: "3", name: "m1.large", vcpus: 4, ramMb: 8192, diskGb: 80 },
  ],
  servers: SERVERS.map(({ nic, ...server }) => ({
    ...server,
    nics: [{ ...NETWORKS[nic.net], portId: nic.portId, ip: nic.ip, mac: nic.mac, ...(nic.floatingIp ? { floatingIp: nic.floatingIp } : {}) }],
  })),
  volumes: [
    volume("e0000001-0000-4000-8000-000000000001", "web-1-boot", web1, { sizeGb: 20, volumeType: "ssd", bootable: true }),
    volume("e0000002-0000-4000-8000-000000000002", "web-2-boot", web2, { sizeGb: 20, volumeType: "ssd", bootable: true }),
    volume("e0000003-0000-4000-8000-000000000003", "db-1-boot", db1, { sizeGb: 40, volumeType: "ssd", bootable: true }),
    volume("e0000004-0000-4000-8000-000000000004", "db-1-data", db1, { sizeGb: 200, volumeType: "hdd", bootable: false, device: "/dev/vdb" }),
    volume("e0000005-0000-4000-8000-000000000005", "legacy-worker-boot", legacy, { sizeGb: 10, volumeType: "ssd", bootable: true }),
    // 5 GB of hdd costs 2.5 kopecks an hour: the half-up case.
    volume("e0000006-0000-4000-8000-000000000006", "old-export", null, {
      sizeGb: 5, volumeType: "hdd", bootable: false, zone: "az-2", createdAt: "2025-02-03T14:00:00Z",
    }),
    volume("e0000007-0000-4000-8000-000000000007", "backup-1-boot", backup1, { sizeGb: 50, volumeType: "hdd", bootable: true }),
    volume("e0000008-0000-4000-8000-000000000008", "backup-archive", null, {
      sizeGb: 500, volumeType: "hdd", bootable: false, region: "RegionTwo", zone: "az-3", createdAt: "2025-03-01T00:00:00Z",
    }),
    volume("e0000009-0000-4000-8000-000000000009", "stage-app-boot", stageApp, { sizeGb: 10, volumeType: "ssd", bootable: true }),
  ],
  infraPorts: [
    {
      id: "a1000000-0000-4000-8000-0000000000f1", projectId: PRODUCTION, region: "RegionOne", networkId: NETWORKS.prodOne.networkId,
      deviceOwner: "network:router_interface", deviceId: "9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a", ip: "10.0.0.1", mac: "fa:16:3e:00:00:01",
    },
    {
      id: "b2000000-0000-4000-8000-0000000000f2", projectId: PRODUCTION, region: "RegionTwo", networkId: NETWORKS.prodTwo.networkId,
      deviceOwner: "network:dhcp", deviceId: "dhcp7b2e0d4f-RegionTwo", ip: "10.1.0.2", mac: "fa:16:3e:01:00:02",
    },
  ],
  billing: [],
  // Gnocchi in RegionOne only: backup-1 in RegionTwo has no metric service to ask.
  telemetry: { regions: ["RegionOne"] },
};
