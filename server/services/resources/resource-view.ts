import type { Prisma } from "../../db";
import { jsonObject } from "../connections/connection-view";

/** Structural rows the sync adds itself (account, projects): not cloud resources, never listed or counted here. */
export const STRUCTURAL_TYPES = ["account", "project"];

/** Every column a resource card shows; money columns are Decimal and leave the service as strings. */
export const RESOURCE_COLUMNS = {
  id: true,
  connectionId: true,
  providerId: true,
  providerResourceId: true,
  name: true,
  resourceType: true,
  serviceName: true,
  region: true,
  projectId: true,
  projectName: true,
  status: true,
  specs: true,
  hourlyCost: true,
  dailyCost: true,
  monthlyCost: true,
  currency: true,
  isZombie: true,
  isOrphan: true,
  isActive: true,
  firstSeenAt: true,
  lastSeenAt: true,
} as const satisfies Prisma.ResourceSelect;

export type ResourceRow = Prisma.ResourceGetPayload<{ select: typeof RESOURCE_COLUMNS }>;

export interface ResourceSpecs {
  vcpus: number | null;
  ramMb: number | null;
  flavorName: string | null;
  storageGb: number | null;
  ipAddresses: string[];
  attachedVolumes: { id: string; name: string | null; sizeGb: number | null; device: string | null; bootable: boolean; volumeType: string | null }[];
  networkInterfaces: { id: string | null; macAddress: string | null; ipAddresses: string[] }[];
}

const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);
const str = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);
const objects = (value: unknown) => (Array.isArray(value) ? value.map(jsonObject) : []);

/** The inventory specs the UI shows, read defensively from the JSON column. */
export function readSpecs(value: unknown): ResourceSpecs {
  const specs = jsonObject(value);
  return {
    vcpus: num(specs.vcpus),
    ramMb: num(specs.ramMb),
    flavorName: str(specs.flavorName),
    storageGb: num(specs.storageGb),
    ipAddresses: strings(specs.ipAddresses),
    attachedVolumes: objects(specs.attachedVolumes).map((volume) => ({
      id: String(volume.id ?? ""),
      name: str(volume.name),
      sizeGb: num(volume.sizeGb),
      device: str(volume.device),
      bootable: volume.bootable === true,
      volumeType: str(volume.volumeType),
    })),
    networkInterfaces: objects(specs.networkInterfaces).map((nic) => ({ id: str(nic.id), macAddress: str(nic.macAddress), ipAddresses: strings(nic.ipAddresses) })),
  };
}

/** One resource card: exact decimal strings for money, typed specs and flags. */
export function resourceCardView(row: ResourceRow) {
  return {
    kind: "resource" as const,
    id: row.id,
    connectionId: row.connectionId,
    providerId: row.providerId,
    providerResourceId: row.providerResourceId,
    name: row.name,
    resourceType: row.resourceType,
    serviceName: row.serviceName,
    region: row.region,
    projectId: row.projectId,
    projectName: row.projectName,
    status: row.status,
    specs: readSpecs(row.specs),
    hourlyCost: row.hourlyCost.toFixed(6),
    dailyCost: row.dailyCost.toFixed(2),
    monthlyCost: row.monthlyCost.toFixed(2),
    currency: row.currency,
    flags: { zombie: row.isZombie, orphan: row.isOrphan, unrecognized: false },
    isActive: row.isActive,
    firstSeenAt: row.firstSeenAt,
    lastSeenAt: row.lastSeenAt,
  };
}

export type ResourceCard = ReturnType<typeof resourceCardView>;
