import type { InventorySnapshot } from "../contract";
import { monthlyToHourlyMinor } from "./decimal-to-minor";
import type { RateCard } from "./rate-card";

/** One priced object of the inventory, at its current hourly rate. */
export interface BillableItem {
  id: string;
  name: string | null;
  billingType: string;
  parentId: string | null;
  projectId: string;
  region: string;
  metric: string;
  unit: string;
  /** Integer amount consumed per hour (1 VM, N GB, 1 IP); the lines cumulate it over their hours. */
  quantityPerHour: number;
  hourlyMinor: number;
  /** First billed hour: the object's creation, floored to the hour (a started hour is a billed hour). */
  billedFrom: Date | null;
  /** False when the rate card has no price for it: listed at zero so the object is still known. */
  priced: boolean;
  priceKey: string | null;
}

/** Statuses in which a VM holds no compute (shelved-offloaded, deleted): its flavor is not charged. */
const NO_COMPUTE_STATUSES = new Set(["SHELVED_OFFLOADED", "DELETED", "SOFT_DELETED"]);

function hourOf(iso: string | null): Date | null {
  const time = iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(time)) return null;
  return new Date(Math.floor(time / 3_600_000) * 3_600_000);
}

function hourly(price: string | undefined, quantity: number): { hourlyMinor: number; priced: boolean } {
  return price === undefined ? { hourlyMinor: 0, priced: false } : { hourlyMinor: monthlyToHourlyMinor(price, quantity), priced: true };
}

/** Inventory × rate card: a line per VM (by flavor name), per volume (by type, size in GB), per floating IP. */
export function billableItems(inventory: InventorySnapshot, rates: RateCard): BillableItem[] {
  const items: BillableItem[] = [];
  const floatingIps = new Set<string>();
  for (const scope of inventory.regions) {
    for (const server of scope.servers) {
      const billedFrom = hourOf(server.createdAt);
      if (!NO_COMPUTE_STATUSES.has(server.status.toUpperCase())) {
        const flavor = server.flavor.name;
        items.push({
          id: server.id,
          name: server.name || null,
          billingType: "cloud_vm",
          parentId: null,
          projectId: server.projectId,
          region: server.region,
          metric: "flavor",
          unit: "hour",
          quantityPerHour: 1,
          billedFrom,
          priceKey: flavor,
          ...hourly(flavor === null ? undefined : rates.flavors[flavor], 1),
        });
      }
      for (const address of server.addresses) {
        if (address.type !== "floating" || floatingIps.has(address.ip)) continue;
        floatingIps.add(address.ip);
        items.push({
          id: address.ip,
          name: address.ip,
          billingType: "network_floating_ip",
          parentId: server.id,
          projectId: server.projectId,
          region: server.region,
          metric: "floating_ip",
          unit: "hour",
          quantityPerHour: 1,
          billedFrom,
          priceKey: "floatingIp",
          ...hourly(rates.floatingIp, 1),
        });
      }
    }
    for (const volume of scope.volumes) {
      const type = volume.volumeType;
      items.push({
        id: volume.id,
        name: volume.name || null,
        billingType: `volume_${type ?? "unknown"}`,
        parentId: volume.attachments[0]?.serverId ?? null,
        projectId: volume.projectId,
        region: volume.region,
        metric: "gigabytes",
        unit: "GB*hour",
        quantityPerHour: volume.sizeGb,
        billedFrom: hourOf(volume.createdAt),
        priceKey: type,
        ...hourly(type === null ? undefined : rates.volumeTypes[type], volume.sizeGb),
      });
    }
  }
  return items;
}
