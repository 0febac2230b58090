import type { AccountSummary } from "../../providers/contract";
import type { CostBasis } from "./money";
import type { NormalizedType, ResourceStatus, ResourceType } from "./resource-types";

/** Kopecks charged on one UTC day (YYYY-MM-DD). */
export interface DailyCost {
  date: string;
  costMinor: number;
}

export interface AttachedVolume {
  id: string;
  name: string | null;
  sizeGb: number | null;
  device: string | null;
  bootable: boolean;
  volumeType: string | null;
}

export interface NetworkInterface {
  /** Neutron port id; null when the NIC was derived from the server's addresses (no ports visible). */
  id: string | null;
  macAddress: string | null;
  ipAddresses: string[];
}

/**
 * How much of a resource the inventory confirmed. scope_failed = its project×region could not be read this run:
 * persistence keeps the earlier inventory fields instead of overwriting them with blanks.
 */
export type InventoryCoverage = "found" | "missing" | "scope_failed" | "not_collected" | "not_applicable";

/** A resource while the phases build it: cost still as a basis in kopecks, daily charges unrounded. */
export interface ResourceDraft {
  providerResourceId: string;
  name: string;
  type: ResourceType;
  status: ResourceStatus;
  region: string | null;
  projectId: string | null;
  projectName: string | null;
  vcpus: number | null;
  ramMb: number | null;
  flavorName: string | null;
  storageGb: number | null;
  ipAddresses: string[];
  attachedVolumes: AttachedVolume[];
  networkInterfaces: NetworkInterface[];
  flags: { zombie: boolean; orphan: boolean };
  /** JSON-safe extras shown on the resource page (flavor id, zone, volume type, billed metrics, …). */
  specs: Record<string, unknown>;
  serviceName: string | null;
  serviceCategory: string | null;
  inventory: InventoryCoverage;
  cost: CostBasis;
  daily: DailyCost[];
  /** Billing objects folded into this resource (the VM itself, its volumes, its floating IPs). */
  billingIds: string[];
}

/** The unified resource the sync persists and the CLI prints. Money as decimal strings in `currency`. */
export interface UnifiedResource extends Omit<ResourceDraft, "cost" | "daily"> {
  /** Roubles per hour, 6 decimals. */
  hourlyCost: string;
  /** hourly × 24, 4 decimals. */
  dailyCost: string;
  /** hourly × 720, 2 decimals. */
  monthlyCost: string;
  /** Billed so far in the window (month to date), 2 decimals. */
  periodCost: string;
  currency: string;
  dailyCosts: DailyCost[];
}

export interface UnrecognizedItem {
  providerResourceId: string;
  name: string | null;
  billingType: string;
  inferredType: NormalizedType | null;
  projectId: string | null;
  region: string | null;
  monthlyCost: string;
  currency: string;
  /** The billing lines as the provider sent them, so someone can teach the normalizer this type. */
  rawBilling: unknown[];
}

/** One FOCUS-style daily cost row (CostRecord) before it is written. */
export interface CostRow {
  providerResourceId: string;
  date: string;
  costMinor: number;
  currency: string;
  resourceName: string | null;
  resourceType: string | null;
  serviceName: string | null;
  serviceCategory: string | null;
  regionId: string | null;
  subAccountId: string | null;
}

/** A scope (project × region; null = every) that could not be read, or a phase that failed. */
export interface SyncFailure {
  phase: string;
  projectId: string | null;
  region: string | null;
  error: string;
}

export type PhaseStatus = "running" | "success" | "failed" | "skipped";

export interface PhaseRecord {
  id: string;
  name: string;
  status: PhaseStatus;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  counts: Record<string, number>;
  apiCalls: number;
  cacheHits: number;
  cacheMisses: number;
  error: string | null;
}

/** The billing window of a run: instants, and the provider-calendar days (cost row dates) it covers. */
export interface ReportWindow {
  start: string;
  end: string;
  firstDay: string;
  lastDay: string;
}

export interface InventoryReport {
  account: AccountSummary;
  window: ReportWindow;
  currency: string;
  resources: UnifiedResource[];
  unrecognized: UnrecognizedItem[];
  costRows: CostRow[];
  phases: PhaseRecord[];
  failures: SyncFailure[];
}
