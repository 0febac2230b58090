import type { SandboxScenario, ScenarioBillingMetric, ScenarioBillingObject, ScenarioFlavor, ScenarioServer, ScenarioServerLoad, ScenarioUsageProfile, ScenarioVolume } from "../scenario";
import { randomTools } from "./seeded-random";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Selectel-like rates in kopecks per hour: ≈446 ₽/month per vCPU, ≈245 ₽ per GB of RAM, per GB of disk by tier. */
export const DEMO_RATES = { vcpu: 62, ramGb: 34, diskGb: { basic: 0.96, universal: 1.8, fast: 3.84 }, floatingIp: 27 } as const;
export type DiskTier = keyof typeof DEMO_RATES.diskGb;

export interface DemoProject {
  id: string;
  name: string;
}

interface VmSpec {
  name: string;
  project: DemoProject;
  zone: string;
  vcpus: number;
  ramGb: number;
  boot: { gb: number; tier: DiskTier };
  /** Days before today it was created (and billing began). */
  createdDaysAgo: number;
  floatingIp?: string;
  usage?: ScenarioUsageProfile;
  /** Billed but gone from OpenStack: a zombie. */
  deleted?: boolean;
  status?: string;
  /** Server metadata over the defaults demoTagsOf derives (team, env, cost-center). */
  tags?: Record<string, string>;
  /** CPU and memory load for the sandbox's Gnocchi; a billing schedule (`usage.schedule`) also bounds when it runs. */
  load?: Omit<ScenarioServerLoad, "schedule">;
}

const poolOf = (zone: string) => zone.replace(/[a-z]$/, "");

/**
 * The metadata a team would put on a server, from its name and project: team (data for databases, caches and
 * data science; web for APIs, edges and balancers; platform for clusters, CI and shared services), env from the
 * project (prod-*, stage, else dev) and the account's cost center. Tags cost nothing: billing is unchanged.
 */
export function demoTagsOf(name: string, projectName: string, costCenter: string | undefined): Record<string, string> {
  const team = /^(db-|redis|ds-|analytics)/.test(name) ? "data" : /^(api-|cdn-|lb-|web-)/.test(name) ? "web" : "platform";
  const env = projectName.startsWith("prod") ? "prod" : projectName.startsWith("stage") ? "stage" : "dev";
  return { team, env, ...(costCenter ? { "cost-center": costCenter } : {}) };
}

/**
 * Builds a Selectel account relative to "today" (the Moscow-independent UTC day of `now`), so a scenario's
 * history always ends today; ids come from a seeded generator and stay the same on every run. Dates are tied to
 * the day, not the minute, so two sandboxes built the same day (the seed's loopback one and the app's mount)
 * bill identical history.
 */
export function demoAccountBuilder(now: Date, seed: number, options: { costCenter?: string } = {}) {
  const random = randomTools(seed);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const flavors = new Map<string, ScenarioFlavor>();
  const servers: ScenarioServer[] = [];
  const volumes: ScenarioVolume[] = [];
  const billing: ScenarioBillingObject[] = [];
  let subnet = 0;

  /** `days` before today at `hour` UTC, as ISO. */
  const daysAgo = (days: number, hour = 7) => new Date(today - days * DAY_MS + hour * HOUR_MS).toISOString();

  const flavorOf = (vcpus: number, ramGb: number) => {
    const name = `SL1.${vcpus}-${ramGb * 1024}`;
    let flavor = flavors.get(name);
    if (!flavor) {
      flavor = { id: String(3011 + flavors.size), name, vcpus, ramMb: ramGb * 1024, diskGb: 0 };
      flavors.set(name, flavor);
    }
    return flavor;
  };

  const diskMetric = (tier: DiskTier, gb: number): ScenarioBillingMetric => ({
    id: `volume_gigabytes_${tier}`,
    name: `${tier} volume`,
    unit: "GB",
    quantityPerHour: String(gb),
    kopecksPerHour: Math.max(1, Math.round(gb * DEMO_RATES.diskGb[tier])),
  });

  const volume = (spec: { name: string; project: DemoProject; zone: string; gb: number; tier: DiskTier; createdDaysAgo: number; attachTo?: string; device?: string; bootable?: boolean; inventory?: boolean }) => {
    const id = random.uuid();
    const createdAt = daysAgo(spec.createdDaysAgo);
    if (spec.inventory !== false) {
      volumes.push({
        id,
        name: spec.name,
        projectId: spec.project.id,
        region: poolOf(spec.zone),
        zone: spec.zone,
        sizeGb: spec.gb,
        volumeType: `${spec.tier}.${spec.zone}`,
        bootable: spec.bootable ?? false,
        status: spec.attachTo ? "in-use" : "available",
        attachment: spec.attachTo ? { serverId: spec.attachTo, device: spec.device ?? "/dev/sdb" } : undefined,
        createdAt,
      });
    }
    billing.push({ id, name: spec.name, type: `volume_${spec.tier}`, parentId: spec.attachTo, projectId: spec.project.id, region: spec.zone, billedFrom: createdAt, metrics: [diskMetric(spec.tier, spec.gb)] });
    return id;
  };

  const vm = (spec: VmSpec) => {
    const id = random.uuid();
    const createdAt = daysAgo(spec.createdDaysAgo);
    const flavor = flavorOf(spec.vcpus, spec.ramGb);
    subnet += 1;
    if (!spec.deleted) {
      servers.push({
        id,
        name: spec.name,
        projectId: spec.project.id,
        region: poolOf(spec.zone),
        zone: spec.zone,
        status: spec.status ?? "ACTIVE",
        flavorId: flavor.id,
        createdAt,
        metadata: { ...demoTagsOf(spec.name, spec.project.name, options.costCenter), ...spec.tags },
        // A VM billed only in scheduled hours is stopped outside them: Gnocchi has no samples then either.
        load: spec.load ? { ...spec.load, ...(spec.usage?.schedule ? { schedule: spec.usage.schedule } : {}) } : undefined,
        nics: [
          {
            portId: random.uuid(),
            networkId: `net-${spec.project.id.slice(0, 8)}-${poolOf(spec.zone)}`,
            networkName: `${spec.project.name}-private`,
            ip: `10.${20 + (subnet >> 8)}.${subnet & 255}.${10 + random.int(0, 200)}`,
            mac: `fa:16:3e:${random.hex(2)}:${random.hex(2)}:${random.hex(2)}`,
            floatingIp: spec.floatingIp,
          },
        ],
      });
    }
    billing.push({
      id,
      name: spec.name,
      type: "cloud_vm",
      projectId: spec.project.id,
      region: spec.zone,
      billedFrom: createdAt,
      usage: spec.usage,
      metrics: [
        { id: "compute_cores", name: "vCPU", unit: "item", quantityPerHour: String(spec.vcpus), kopecksPerHour: spec.vcpus * DEMO_RATES.vcpu },
        { id: "compute_ram", name: "RAM", unit: "MB", quantityPerHour: String(spec.ramGb * 1024), kopecksPerHour: spec.ramGb * DEMO_RATES.ramGb },
      ],
    });
    volume({ name: `disk-for-${spec.name}-#1`, project: spec.project, zone: spec.zone, gb: spec.boot.gb, tier: spec.boot.tier, createdDaysAgo: spec.createdDaysAgo, attachTo: id, device: "/dev/sda", bootable: true, inventory: !spec.deleted });
    if (spec.floatingIp) {
      billing.push({
        id: random.uuid(),
        name: spec.floatingIp,
        type: "network_floating_ip",
        parentId: id,
        projectId: spec.project.id,
        region: poolOf(spec.zone),
        billedFrom: createdAt,
        metrics: [{ id: "network_floatingips", name: "Public IP", unit: "item", quantityPerHour: "1", kopecksPerHour: DEMO_RATES.floatingIp }],
      });
    }
    return id;
  };

  /** A billing-only object (DBaaS, load balancer, a type nobody knows): metrics as [id, unit, quantity, kopecks/h]. */
  const service = (spec: { name: string; type: string; typeName?: string; project: DemoProject; region: string; createdDaysAgo: number; usage?: ScenarioUsageProfile; metrics: [string, string, string, number, ScenarioUsageProfile?][] }) => {
    const id = random.uuid();
    billing.push({
      id,
      name: spec.name,
      type: spec.type,
      typeName: spec.typeName,
      projectId: spec.project.id,
      region: spec.region,
      billedFrom: daysAgo(spec.createdDaysAgo),
      usage: spec.usage,
      metrics: spec.metrics.map(([metricId, unit, quantityPerHour, kopecksPerHour, usage]) => ({ id: metricId, name: metricId, unit, quantityPerHour, kopecksPerHour, usage })),
    });
    return id;
  };

  const project = (name: string): DemoProject => ({ id: random.hex(32), name });

  // Selectel runs Gnocchi in every pool: demo accounts always have telemetry.
  const build = (base: Omit<SandboxScenario, "flavors" | "servers" | "volumes" | "billing" | "telemetry">): SandboxScenario => ({
    ...base,
    flavors: [...flavors.values()],
    servers,
    volumes,
    billing,
    telemetry: {},
  });

  return { daysAgo, project, vm, volume, service, build, random };
}
