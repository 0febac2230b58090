import type { SandboxScenario, ScenarioBillingMetric, ScenarioBillingObject, ScenarioServer, ScenarioVolume } from "../scenario";
import { randomTools } from "./seeded-random";

export interface LargeSelectelOptions {
  regions?: number;
  projectsPerRegion?: number;
  servers?: number;
  /** Total volumes: one boot volume per server, then attached data volumes and orphans. */
  volumes?: number;
  /** Servers billed but missing from OpenStack. */
  zombies?: number;
  seed?: number;
}

/**
 * A "now" that makes the month-to-date daily consumption query span five Moscow days: with ≈10.6k billed
 * object × metric lines that is ≈53k rows, the size the benchmark is meant to measure.
 */
export const SELECTEL_LARGE_BENCH_NOW = new Date("2025-10-05T12:00:00Z");

const REGION_NAMES = ["ru-1", "ru-2", "ru-3", "ru-7", "ru-8", "ru-9", "kz-1", "gis-1", "uz-1"];
const FLAVORS = [
  [1, 1024], [1, 2048], [2, 4096], [2, 8192], [4, 8192], [4, 16384], [8, 32768], [16, 65536],
].map(([vcpus, ramMb], index) => ({ id: String(1011 + index), name: `SL1.${vcpus}-${ramMb}`, vcpus: vcpus!, ramMb: ramMb!, diskGb: 0 }));
const ROLES = ["web", "api", "worker", "db", "cache", "etl", "ci", "vpn", "mq", "search"];
/** Kopecks per GB-hour by tier (≈7, 13, 28 ₽ per GB-month). */
const TIER_RATES: Record<string, number> = { basic: 0.96, universal: 1.8, fast: 3.84 };
const VCPU_KOPECKS = 62;
const RAM_GB_KOPECKS = 34;

/** 9 regions × 3 projects, 3,000 servers, 4,000 volumes and their billing, identical on every run for a seed. */
export function generateLargeSelectelScenario(options: LargeSelectelOptions = {}): SandboxScenario {
  const { regions: regionCount = 9, projectsPerRegion = 3, servers: serverCount = 3000, volumes: volumeCount = 4000, zombies = 60, seed = 20251001 } = options;
  const random = randomTools(seed);
  const regions = Array.from({ length: regionCount }, (_, index) => {
    const name = REGION_NAMES[index] ?? `ru-${10 + index}`;
    return { name, zones: [`${name}a`, `${name}b`] };
  });
  const projects = regions.flatMap((region) =>
    Array.from({ length: projectsPerRegion }, (_, index) => ({ id: random.hex(32), name: `${region.name} ${["production", "staging", "internal"][index] ?? `project ${index + 1}`}`, region })),
  );
  // Most objects predate the month; a few start (or, for servers, stop) inside it, so daily rows vary by day.
  const billedFrom = () => (random.chance(0.05) ? new Date(Date.UTC(2025, 9, random.int(1, 4), random.int(0, 23), random.int(0, 59))) : new Date(Date.UTC(2025, 7, random.int(1, 31), random.int(0, 23))));
  const billedUntil = () => (random.chance(0.03) ? new Date(Date.UTC(2025, 9, random.int(1, 4), random.int(0, 23), random.int(0, 59))).toISOString() : undefined);

  const servers: ScenarioServer[] = [];
  const volumes: ScenarioVolume[] = [];
  const billing: ScenarioBillingObject[] = [];
  const vmBilling = (id: string, name: string, project: (typeof projects)[number], zone: string, flavor: (typeof FLAVORS)[number], from: Date, until?: string) =>
    billing.push({ id, name, type: "cloud_vm", projectId: project.id, region: zone, billedFrom: from.toISOString(), billedUntil: until, metrics: vmMetrics(flavor.vcpus, flavor.ramMb) });
  const addVolume = (volume: ScenarioVolume, tier: string, parentId: string | undefined, from: string) => {
    volumes.push(volume);
    billing.push({ id: volume.id, name: volume.name, type: `volume_${tier}`, parentId, projectId: volume.projectId, region: volume.zone, billedFrom: from, metrics: [volumeMetric(tier, volume.sizeGb)] });
  };

  for (let index = 0; index < serverCount; index++) {
    const project = projects[index % projects.length]!;
    const zone = random.pick(project.region.zones);
    const flavor = random.pick(FLAVORS);
    const id = random.uuid();
    const name = `${random.pick(ROLES)}-${project.region.name}-${String(index).padStart(4, "0")}`;
    const from = billedFrom();
    const subnet = projects.indexOf(project);
    const nic = {
      portId: random.uuid(),
      networkId: `net-${project.id.slice(0, 8)}`,
      networkName: `${project.region.name}-private`,
      ip: `10.${subnet}.${Math.floor(index / 250) % 250}.${(index % 250) + 2}`,
      mac: `fa:16:3e:${random.hex(2)}:${random.hex(2)}:${random.hex(2)}`,
      floatingIp: random.chance(0.1) ? `87.228.${random.int(0, 255)}.${random.int(1, 254)}` : undefined,
    };
    const until = billedUntil();
    // Selectel stops billing compute of a shelved server; its volumes stay billed.
    const status = until ? "SHELVED_OFFLOADED" : random.chance(0.92) ? "ACTIVE" : random.pick(["SHUTOFF", "SHUTOFF", "ERROR"]);
    servers.push({ id, name, projectId: project.id, region: project.region.name, zone, status, flavorId: flavor.id, createdAt: from.toISOString(), nics: [nic] });
    vmBilling(id, name, project, zone, flavor, from, until);
    const tier = random.pick(["universal", "universal", "fast", "basic"]);
    const boot = volumeOf(random.uuid(), `disk-for-${name}-#1`, project, zone, tier, random.pick([5, 10, 20, 40]), from.toISOString());
    addVolume({ ...boot, bootable: true, status: "in-use", attachment: { serverId: id, device: "/dev/sda" } }, tier, id, boot.createdAt);
    if (nic.floatingIp) {
      billing.push({
        id: random.uuid(),
        name: nic.floatingIp,
        type: "network_floating_ip",
        parentId: id,
        projectId: project.id,
        region: project.region.name,
        billedFrom: from.toISOString(),
        metrics: [{ id: "network_floatingips", name: "Public IP", unit: "item", quantityPerHour: "1", kopecksPerHour: 27 }],
      });
    }
  }

  const extra = Math.max(0, volumeCount - servers.length);
  const orphans = Math.round(extra * 0.3);
  const disksPerServer = new Map<string, number>();
  for (let index = 0; index < extra; index++) {
    const orphan = index < orphans;
    const server = random.pick(servers);
    const project = projects.find((candidate) => candidate.id === server.projectId)!;
    const tier = random.pick(["basic", "universal", "fast"]);
    const diskNumber = (disksPerServer.get(server.id) ?? 1) + 1;
    if (!orphan) disksPerServer.set(server.id, diskNumber);
    const name = orphan ? `volume-${random.hex(6)}` : `disk-for-${server.name}-#${diskNumber}`;
    const zone = orphan ? random.pick(project.region.zones) : server.zone;
    const volume = volumeOf(random.uuid(), name, project, zone, tier, random.pick([20, 50, 100, 200, 500]), billedFrom().toISOString());
    const device = `/dev/sd${String.fromCharCode(97 + Math.min(diskNumber - 1, 25))}`;
    if (orphan) addVolume(volume, tier, undefined, volume.createdAt);
    else addVolume({ ...volume, status: "in-use", attachment: { serverId: server.id, device } }, tier, server.id, volume.createdAt);
  }

  for (let index = 0; index < zombies; index++) {
    const project = random.pick(projects);
    vmBilling(random.uuid(), `ghost-${project.region.name}-${index}`, project, random.pick(project.region.zones), random.pick(FLAVORS), billedFrom());
  }
  for (const project of projects) {
    if (random.chance(0.6)) {
      const metrics: [string, string, string, number][] = [["dbaas_cores", "item", "2", 180], ["dbaas_ram", "MB", "8192", 120], ["dbaas_volume_gigabytes", "GB", "40", 31]];
      billing.push(serviceObject(random.uuid(), `pg-${project.region.name}`, "dbaas_postgresql", project, metrics));
    }
    if (random.chance(0.4)) billing.push(serviceObject(random.uuid(), `k8s-${project.region.name}`, "mks_cluster", project, [["mks_cluster_ha", "item", "1", 138]]));
    if (random.chance(0.2)) billing.push(serviceObject(random.uuid(), `mystery-${project.region.name}`, "quantum_link_port", project, [["quantum_link_hours", "item", "1", 75]]));
  }

  return {
    name: "selectel-large",
    description: `${regionCount} regions × ${projectsPerRegion} projects, ${servers.length} servers, ${volumes.length} volumes, ${billing.length} billed objects (seed ${seed}).`,
    account: { id: "777001", name: "Selectel 777001", balanceKopecks: 4_821_553_017, bonusKopecks: 1_000_000, daysLeft: 37 },
    auth: { apiKeys: ["large-selectel-api-key-0e5d7c9b1a3f4862"], users: [{ name: "svc-bench", password: "Bench-Passw0rd-Large", domain: "777001" }] },
    projects: projects.map(({ id, name }) => ({ id, name })),
    regions,
    flavors: FLAVORS,
    servers,
    volumes,
    billing,
  };
}

function vmMetrics(vcpus: number, ramMb: number): ScenarioBillingMetric[] {
  return [
    { id: "compute_cores", name: "vCPU", unit: "item", quantityPerHour: String(vcpus), kopecksPerHour: vcpus * VCPU_KOPECKS },
    { id: "compute_ram", name: "RAM", unit: "MB", quantityPerHour: String(ramMb), kopecksPerHour: Math.round((ramMb / 1024) * RAM_GB_KOPECKS) },
  ];
}

function volumeMetric(tier: string, sizeGb: number): ScenarioBillingMetric {
  return { id: `volume_gigabytes_${tier}`, name: `${tier} volume`, unit: "GB", quantityPerHour: String(sizeGb), kopecksPerHour: Math.max(1, Math.round(sizeGb * (TIER_RATES[tier] ?? 1))) };
}

function volumeOf(id: string, name: string, project: { id: string; region: { name: string } }, zone: string, tier: string, sizeGb: number, createdAt: string): ScenarioVolume {
  return { id, name, projectId: project.id, region: project.region.name, zone, sizeGb, volumeType: `${tier}.${zone}`, bootable: false, status: "available", createdAt };
}

function serviceObject(id: string, name: string, type: string, project: { id: string; region: { name: string } }, metrics: [string, string, string, number][]): ScenarioBillingObject {
  return {
    id, name, type, projectId: project.id, region: project.region.name, billedFrom: "2025-08-15T00:00:00Z",
    metrics: metrics.map(([metricId, unit, quantityPerHour, kopecksPerHour]) => ({ id: metricId, name: metricId, unit, quantityPerHour, kopecksPerHour })),
  };
}
