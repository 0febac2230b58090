import type { InventoryVolume } from "../../providers/contract";
import { inFailedScope } from "../model/failed-scopes";
import type { CostBasis } from "../model/money";
import { SERVICE_BY_TYPE } from "../model/resource-types";
import type { InventoryCoverage, ResourceDraft, SyncFailure } from "../model/unified-resource";
import { normalizeVolumeStatus } from "../normalize/normalize-status";
import type { BillingGroups, BillingObject } from "./02-group-by-type";
import { absorbBillingObject } from "./absorb-billing-object";
import { billedQuantity, billedVolumeTier } from "./billed-quantity";
import type { InventoryView } from "./combine-vm-resources";
import { priceOrphanVolume } from "./price-orphan-volume";

export type AttachmentRule = "server_id" | "parent_id" | "name";

export interface VolumePhaseOutput {
  vms: ResourceDraft[];
  /** Volumes that are not part of a VM: orphans and volumes attached to servers this sync does not know. */
  volumes: ResourceDraft[];
  attached: { volumeId: string; serverId: string; rule: AttachmentRule }[];
}

const DISK_FOR = /^disk-for-(.+)-#\d+$/;

/** The VM a volume belongs to: its Cinder attachment, else billing's parent, else Selectel's "disk-for-<vm>-#N". */
export function resolveVolumeOwner(
  volume: InventoryVolume | undefined,
  billing: BillingObject | undefined,
  vms: Map<string, ResourceDraft>,
): { vm: ResourceDraft; rule: AttachmentRule; device: string | null } | null {
  for (const attachment of volume?.attachments ?? []) {
    const vm = vms.get(attachment.serverId);
    if (vm) return { vm, rule: "server_id", device: attachment.device };
  }
  const parent = billing?.parentId ? vms.get(billing.parentId) : undefined;
  if (parent) return { vm: parent, rule: "parent_id", device: null };
  const vmName = DISK_FOR.exec(volume?.name ?? billing?.name ?? "")?.[1];
  if (!vmName) return null;
  const projectId = volume?.projectId ?? billing?.projectId ?? null;
  const named = [...vms.values()].filter((vm) => vm.name === vmName);
  // Names are not unique: prefer the VM in the volume's project, and give up rather than guess between two.
  const candidates = named.length > 1 ? named.filter((vm) => vm.projectId === projectId) : named;
  return candidates.length === 1 ? { vm: candidates[0]!, rule: "name", device: null } : null;
}

function standaloneVolume(volume: InventoryVolume | undefined, billing: BillingObject | undefined, groups: BillingGroups, inventory: InventoryView, failures: SyncFailure[], projectNames: Record<string, string>): ResourceDraft {
  const id = volume?.id ?? billing!.providerResourceId;
  const projectId = volume?.projectId ?? billing?.projectId ?? null;
  const region = volume?.region ?? billing?.region ?? null;
  const coverage: InventoryCoverage = volume ? "found" : !inventory.collected ? "not_collected" : inFailedScope(failures, projectId, region) ? "scope_failed" : "missing";
  const sizeGb = volume?.sizeGb ?? billedQuantity(billing, groups.basis, "volume_gigabytes");
  const volumeType = volume?.volumeType ?? billedVolumeTier(billing);
  const billed = Boolean(billing?.current);
  const listPrice = !billed && volume ? priceOrphanVolume(volume.sizeGb, volume.volumeType) : null;
  const cost: CostBasis = billed ? { kind: groups.basis, minor: billing!.currentMinor } : listPrice ? { kind: "monthly", minor: listPrice.monthlyMinor } : { kind: groups.basis, minor: 0 };
  // Only a confirmed lack of attachments makes an orphan; a volume in a scope we could not read is unknown.
  const orphan = volume ? volume.attachments.length === 0 : coverage === "missing" || coverage === "not_collected";
  return {
    providerResourceId: id,
    name: volume?.name || billing?.name || id,
    type: "volume",
    status: volume ? normalizeVolumeStatus(volume.status) : coverage === "missing" ? "DELETED_BILLED" : "ACTIVE",
    region,
    projectId,
    projectName: billing?.projectName ?? (projectId ? (projectNames[projectId] ?? null) : null),
    vcpus: null,
    ramMb: null,
    flavorName: null,
    storageGb: sizeGb,
    ipAddresses: [],
    attachedVolumes: [],
    networkInterfaces: [],
    flags: { zombie: coverage === "missing", orphan },
    specs: {
      sizeGb,
      volumeType,
      bootable: volume?.bootable ?? null,
      zone: volume?.zone ?? null,
      createdAt: volume?.createdAt ?? null,
      attachedTo: volume?.attachments.map((attachment) => attachment.serverId) ?? [],
      billingType: billing?.billingType ?? null,
      billedMetrics: billing?.metrics ?? [],
      pricing: billed ? "billed" : listPrice ? "tier" : "unpriced",
      tier: listPrice?.label ?? null,
      tierRubPerGbMonth: listPrice ? (listPrice.kopecksPerGbMonth / 100).toFixed(2) : null,
    },
    ...SERVICE_BY_TYPE.volume,
    inventory: coverage,
    cost,
    daily: billing?.daily ?? [],
    billingIds: billing ? [billing.providerResourceId] : [],
  };
}

/**
 * Phase 4: volumes attached to a VM are folded into it (size into storageGb, charges into its cost) and are not
 * resources of their own; every other volume becomes a volume resource, flagged orphan when it has no attachment,
 * with its billed cost or, when billing does not charge it, its list price by tier.
 */
export function attachVolumes(groups: BillingGroups, inventory: InventoryView, failures: SyncFailure[], vmsIn: ResourceDraft[], projectNames: Record<string, string>): VolumePhaseOutput {
  const vms = vmsIn.map((vm) => ({ ...vm, attachedVolumes: [...vm.attachedVolumes] }));
  const vmById = new Map(vms.map((vm) => [vm.providerResourceId, vm]));
  const inventoryVolumes = new Map(inventory.regions.flatMap((region) => region.volumes).map((volume) => [volume.id, volume]));
  const billedVolumes = new Map(groups.objects.filter((object) => object.type === "volume").map((object) => [object.providerResourceId, object]));
  const volumes: ResourceDraft[] = [];
  const attached: VolumePhaseOutput["attached"] = [];

  for (const id of new Set([...inventoryVolumes.keys(), ...billedVolumes.keys()])) {
    const volume = inventoryVolumes.get(id);
    const billing = billedVolumes.get(id);
    // Billed earlier in the window but gone now: only its daily costs remain.
    if (!volume && !billing?.current) continue;
    const owner = resolveVolumeOwner(volume, billing, vmById);
    if (!owner) {
      volumes.push(standaloneVolume(volume, billing, groups, inventory, failures, projectNames));
      continue;
    }
    const sizeGb = volume?.sizeGb ?? billedQuantity(billing, groups.basis, "volume_gigabytes");
    owner.vm.attachedVolumes.push({
      id,
      name: volume?.name ?? billing?.name ?? null,
      sizeGb,
      device: owner.device ?? volume?.attachments.find((attachment) => attachment.serverId === owner.vm.providerResourceId)?.device ?? null,
      bootable: volume?.bootable ?? false,
      volumeType: volume?.volumeType ?? billedVolumeTier(billing),
    });
    owner.vm.storageGb = (owner.vm.storageGb ?? 0) + (sizeGb ?? 0);
    if (billing) absorbBillingObject(owner.vm, billing);
    attached.push({ volumeId: id, serverId: owner.vm.providerResourceId, rule: owner.rule });
  }
  for (const vm of vms) vm.attachedVolumes.sort((a, b) => (a.device ?? "~").localeCompare(b.device ?? "~") || a.id.localeCompare(b.id));
  return { vms, volumes, attached };
}

export function countVolumes(output: VolumePhaseOutput): Record<string, number> {
  return {
    attached: output.attached.length,
    byServerId: output.attached.filter((item) => item.rule === "server_id").length,
    byParentId: output.attached.filter((item) => item.rule === "parent_id").length,
    byName: output.attached.filter((item) => item.rule === "name").length,
    standalone: output.volumes.length,
    orphans: output.volumes.filter((volume) => volume.flags.orphan).length,
    tierPriced: output.volumes.filter((volume) => volume.cost.kind === "monthly").length,
  };
}
