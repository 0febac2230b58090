/**
 * The provider plugin contract (DESIGN.md). A plugin is a folder server/providers/<id>/ exporting a
 * ProviderPlugin. Plugins never touch Prisma: they return plain data, and server/sync turns it into
 * resources. All HTTP goes through ctx.http (timeouts, retries, masking, metrics).
 */
import type { z } from "zod";
import type { Logger } from "pino";
import type { ProviderHttpClient } from "./lib/http/provider-http-client";
import type { TtlCache } from "./lib/cache/ttl-cache";

export type ProviderCapability = "billing" | "inventory" | "usage" | "balance" | "actions";

export interface LocalizedText {
  ru: string;
  en: string;
}

/** One input of the connection form, generated from the manifest. */
export interface CredentialField {
  key: string;
  label: LocalizedText;
  type: "text" | "password" | "url" | "textarea";
  /** Secret fields are encrypted at rest, masked in logs, and never sent back to the browser. */
  secret: boolean;
  required: boolean;
  help?: LocalizedText;
  placeholder?: string;
}

/** A base URL the connection may override (to point at a sandbox or a private region). */
export interface EndpointDefinition {
  label: LocalizedText;
  defaultUrl: string;
}

export interface ProviderManifest<Credentials = unknown> {
  id: string;
  displayName: string;
  /** Path under public/, e.g. "/providers/selectel.svg". */
  logo: string;
  description: LocalizedText;
  credentialsSchema: z.ZodType<Credentials>;
  credentialFields: CredentialField[];
  endpoints: Record<string, EndpointDefinition>;
  /** Per-connection settings (e.g. the generic OpenStack rate card), validated before a sync. */
  settingsSchema?: z.ZodType<unknown>;
  /**
   * Where the provider's billing day starts, in minutes east of UTC (Selectel bills Moscow days: 180); default 0.
   * Sync windows start on these days and daily lines are dated by them.
   */
  billingDayOffsetMinutes?: number;
  capabilities: ProviderCapability[];
}

export interface ProviderContext<Credentials = unknown> {
  providerId: string;
  credentials: Credentials;
  /** Manifest defaults merged with the connection's overrides; every key of manifest.endpoints is present. */
  endpoints: Record<string, string>;
  settings: Record<string, unknown>;
  http: ProviderHttpClient;
  cache: TtlCache;
  log: Logger;
  signal?: AbortSignal;
  /** Upper bound of simultaneous region/project fetches during inventory. */
  concurrency: number;
  /** "Now" for the provider: injected so tests and sandboxes agree on time. */
  now: () => Date;
}

export interface AccountSummary {
  accountId: string;
  accountName: string;
  /** Decimal string in major units (roubles), or null when the provider has no balance. */
  balance: string | null;
  currency: string;
  /** Days until the prepaid balance runs out, as the provider predicts it; null when unknown. */
  daysLeft: number | null;
  projects: { id: string; name: string }[];
}

export interface BillingWindow {
  /** Inclusive, UTC. */
  start: Date;
  /** Exclusive, UTC. */
  end: Date;
}

/** One charge as the provider reports it: an object, optionally a metric of it, over a period. */
export interface BillingLine {
  providerResourceId: string;
  resourceName: string | null;
  /** The provider's own object type (Selectel: cloud_vm, volume_universal, …); normalized by the sync. */
  billingType: string;
  /** The object this one belongs to (a volume's VM, a floating IP's VM), when the provider says. */
  parentId: string | null;
  projectId: string | null;
  projectName: string | null;
  region: string | null;
  metric: string | null;
  /** Decimal string; cumulative over the period (e.g. core-hours). */
  quantity: string | null;
  unit: string | null;
  /** Integer minor units (kopecks). */
  costMinor: number;
  currency: string;
  periodStart: Date;
  periodEnd: Date;
  raw?: unknown;
}

export interface BillingSnapshot {
  currency: string;
  window: BillingWindow;
  /** Charges of the latest complete hour: each object's current hourly rate. Null when the window has none. */
  latestHour: { start: Date; end: Date; lines: BillingLine[] } | null;
  /**
   * Charges per billing day across the window (one line per object × metric × day): daily cost rows and period
   * totals. A billing day is the provider's own (Selectel bills Moscow days, 21:00–21:00 UTC); periodStart/End
   * are its exact UTC instants, cut to the window.
   */
  daily: BillingLine[];
}

export interface InventoryRequest {
  /** Projects to enrich (Selectel: every project seen in billing). */
  projects: { id: string; name: string | null }[];
}

export interface InventoryAddress {
  ip: string;
  version: 4 | 6;
  type: "fixed" | "floating";
  mac: string | null;
  network: string | null;
}

export interface InventoryServer {
  id: string;
  name: string;
  /** As the provider says it (ACTIVE, SHUTOFF, …); the sync normalizes it. */
  status: string;
  projectId: string;
  region: string;
  zone: string | null;
  flavor: { id: string | null; name: string | null; vcpus: number | null; ramMb: number | null; diskGb: number | null };
  addresses: InventoryAddress[];
  volumeIds: string[];
  createdAt: string | null;
  metadata: Record<string, string>;
}

export interface InventoryVolume {
  id: string;
  name: string;
  status: string;
  projectId: string;
  region: string;
  zone: string | null;
  sizeGb: number;
  volumeType: string | null;
  bootable: boolean;
  attachments: { serverId: string; device: string | null }[];
  createdAt: string | null;
}

export interface InventoryPort {
  id: string;
  projectId: string;
  region: string;
  networkId: string | null;
  deviceId: string | null;
  deviceOwner: string | null;
  macAddress: string | null;
  fixedIps: string[];
}

export interface RegionInventory {
  projectId: string;
  region: string;
  servers: InventoryServer[];
  volumes: InventoryVolume[];
  ports: InventoryPort[];
}

export interface InventorySnapshot {
  regions: RegionInventory[];
  /** Scopes that could not be read; the sync marks the run partial and keeps earlier data for them. */
  failures: { projectId: string | null; region: string | null; error: string }[];
}

/** A server whose CPU and memory to read, over [start, request.end). */
export interface UsageServer {
  /** The provider's server id (what inventory returned). */
  id: string;
  projectId: string | null;
  region: string | null;
  /** Inclusive, UTC: right after the last point the sync already holds, or the first sync's backfill. */
  start: Date;
}

export interface UsageRequest {
  servers: UsageServer[];
  /** Exclusive end of every series, UTC. */
  end: Date;
}

/** One sample: the start of the interval it covers (epoch ms, UTC) and its value. Tuples keep large batches small. */
export type UsageSample = [atMs: number, value: number];

export interface ServerUsage {
  serverId: string;
  /** Seconds each sample covers (Gnocchi's granularity). */
  granularitySeconds: number;
  /** CPU busy, percent of all the server's vCPUs (0–100). */
  cpuPercent: UsageSample[];
  /** Memory in use by the guest, MB; the sync turns it into a percent of the flavor's RAM. */
  ramMb: UsageSample[];
}

export interface UsageSnapshot {
  /** Servers the provider had metrics for (a server without any is simply absent). */
  servers: ServerUsage[];
  /** Scopes that could not be read: the sync ends partial and asks for the same window next time. */
  failures: { projectId: string | null; region: string | null; error: string }[];
  /** Scopes with nothing to read (no metric service in the catalog): not a failure. */
  unsupported: { projectId: string | null; region: string | null; servers: number }[];
}

export interface ProviderPlugin<Credentials = unknown> {
  manifest: ProviderManifest<Credentials>;
  testConnection(ctx: ProviderContext<Credentials>): Promise<AccountSummary>;
  collectBilling?(ctx: ProviderContext<Credentials>, window: BillingWindow): Promise<BillingSnapshot>;
  collectInventory?(ctx: ProviderContext<Credentials>, request: InventoryRequest): Promise<InventorySnapshot>;
  /** CPU and memory series per server (capability "usage"), fetched with bounded concurrency. */
  collectUsage?(ctx: ProviderContext<Credentials>, request: UsageRequest): Promise<UsageSnapshot>;
}
