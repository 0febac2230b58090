/**
 * A sandbox scenario: one cloud account as the provider's APIs would show it — billing objects with their
 * charges, and the OpenStack inventory behind them. Scenarios are TypeScript modules in scenarios/ so large
 * tenants can be generated. Billing and inventory are independent on purpose: zombies are billed objects
 * absent from OpenStack, orphans are volumes without attachments, unknown types are billing-only.
 */
export interface ScenarioRegion {
  /** Selectel pool / OpenStack region name, e.g. "ru-3". */
  name: string;
  zones: string[];
}

export interface ScenarioFlavor {
  id: string;
  name: string;
  vcpus: number;
  ramMb: number;
  diskGb: number;
}

export interface ScenarioNic {
  portId: string;
  networkId: string;
  networkName: string;
  ip: string;
  mac: string;
  /** A floating IP NATed to this port. */
  floatingIp?: string;
}

export interface ScenarioServer {
  id: string;
  name: string;
  projectId: string;
  region: string;
  zone: string;
  /** OpenStack status: ACTIVE, SHUTOFF, ERROR, … */
  status: string;
  flavorId: string;
  createdAt: string;
  nics: ScenarioNic[];
  metadata?: Record<string, string>;
  /** How busy it is, for the telemetry service; without one the sandbox derives a modest load from the id. */
  load?: ScenarioServerLoad;
}

/**
 * One side of a server's load (CPU busy or memory in use), in percent of the flavor: a level with a daily rhythm,
 * quieter weekends, jitter and bursts. Deterministic: every 5-minute sample is a pure function of the server,
 * the metric and the instant, so any window asked any number of times gives the same numbers.
 */
export interface ScenarioLoadCurve {
  /** Average level, percent. */
  base: number;
  /** Swing of the daily rhythm, ± percentage points: highest at 14:00 Moscow, lowest at 02:00. */
  daily?: number;
  /** Level at weekends relative to weekdays (0.6 = 40 % quieter); default 1. */
  weekend?: number;
  /** Jitter of each 5-minute sample, ± percentage points; default 1. */
  noise?: number;
  /** Busy stretches: each hour runs at `level` percent with this chance (CI jobs, nightly batches). */
  bursts?: { chance: number; level: number };
}

export interface ScenarioServerLoad {
  cpu: ScenarioLoadCurve;
  ram: ScenarioLoadCurve;
  /** Moscow hours the server runs (ISO weekdays, Monday = 1): no samples outside them, as for a stopped VM. */
  schedule?: { weekdays: readonly number[]; fromHour: number; toHour: number };
}

/** The cloud's telemetry (OpenStack Gnocchi fed by Ceilometer): when present, the catalog lists a "metric" service. */
export interface ScenarioTelemetry {
  /** Regions that run Gnocchi; default every region of the scenario. */
  regions?: string[];
  /** Days of 5-minute samples the archive policy keeps (hourly ones are kept a year); default 30. */
  fineRetentionDays?: number;
  /** False: Gnocchi answers but Keystone's catalog does not list it (clients must know where it lives); default true. */
  inCatalog?: boolean;
}

export interface ScenarioVolume {
  id: string;
  name: string;
  projectId: string;
  region: string;
  zone: string;
  sizeGb: number;
  /** Cinder volume type name, e.g. "universal.ru-3b", "fast.ru-8a", "basic.ru-3b". */
  volumeType: string;
  bootable: boolean;
  /** Cinder status: in-use, available, reserved, … */
  status: string;
  attachment?: { serverId: string; device: string };
  createdAt: string;
}

/** A port that is not a VM NIC (router interfaces, DHCP): inventory must ignore it. */
export interface ScenarioInfraPort {
  id: string;
  projectId: string;
  region: string;
  networkId: string;
  deviceOwner: string;
  deviceId: string;
  ip: string;
  mac: string;
}

export interface ScenarioBillingMetric {
  /** Selectel metric id: compute_cores, compute_ram, volume_gigabytes_universal, network_floatingips, … */
  id: string;
  name: string;
  unit: string;
  /** Decimal string: amount consumed per hour (cores, GB, …); the API reports it cumulated over the period. */
  quantityPerHour: string;
  /** Integer kopecks charged per hour. */
  kopecksPerHour: number;
  /** Replaces the object's usage profile for this metric only (e.g. egress traffic that spikes on its own). */
  usage?: ScenarioUsageProfile;
}

/**
 * How a billed amount varies hour by hour, so history looks lived-in: every part is a factor, multiplied
 * together; each hour is charged round-half-up(kopecksPerHour × factor) with the factor taken to 0.001.
 * Weekdays and hours are Moscow time, as Selectel bills. Deterministic: the same hour always costs the same.
 */
export interface ScenarioUsageProfile {
  /** Factors by Moscow weekday, Monday first (seven numbers). */
  weekdays?: readonly number[];
  /** A linear trend: factor 1 at `anchor` (ISO), `perDay` more each day after it, less before it, never below 0. */
  trend?: { anchor: string; perDay: number };
  /** Billed only in Moscow hours [fromHour, toHour) of these ISO weekdays (1 = Monday … 7 = Sunday); 0 otherwise. */
  schedule?: { weekdays: readonly number[]; fromHour: number; toHour: number };
  /** One-off multipliers over [from, until) (ISO): a traffic peak, a load test that scaled the workers. */
  spikes?: readonly { from: string; until: string; factor: number }[];
}

export interface ScenarioBillingObject {
  id: string;
  name: string;
  /** Selectel object type: cloud_vm, volume_universal, network_floating_ip, dbaas_postgresql, … or one nobody knows yet. */
  type: string;
  typeName?: string;
  parentId?: string;
  projectId: string;
  region: string;
  metrics: ScenarioBillingMetric[];
  /** Billed from this instant (ISO, UTC); default: forever. */
  billedFrom?: string;
  /** Billed until this instant (ISO, UTC); default: still billed. */
  billedUntil?: string;
  /** Hour-by-hour variation of every metric (a metric may bring its own); default: the same every hour. */
  usage?: ScenarioUsageProfile;
}

export interface SandboxScenario {
  name: string;
  description: string;
  account: {
    /** Selectel account number, also the Keystone domain of its service users. */
    id: string;
    name: string;
    balanceKopecks: number;
    bonusKopecks?: number;
    /** Days until the balance runs out (billing prediction); null when the provider predicts nothing. */
    daysLeft: number | null;
  };
  auth: {
    /** Static keys accepted as `X-Token` (Selectel API key). */
    apiKeys: string[];
    /** Keystone users: Selectel service users (domain = account id) or plain OpenStack users. */
    users: { name: string; password: string; domain: string; projectIds?: string[] }[];
  };
  projects: { id: string; name: string }[];
  regions: ScenarioRegion[];
  flavors: ScenarioFlavor[];
  servers: ScenarioServer[];
  volumes: ScenarioVolume[];
  infraPorts?: ScenarioInfraPort[];
  billing: ScenarioBillingObject[];
  /** Gnocchi in every region (Selectel has it; a plain OpenStack may not). Absent: no "metric" service at all. */
  telemetry?: ScenarioTelemetry;
}
