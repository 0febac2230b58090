import type { NormalizedType } from "../model/resource-types";
import type { ResourceDraft } from "../model/unified-resource";
import type { BillingGroups, BillingObject } from "./02-group-by-type";
import { absorbBillingObject } from "./absorb-billing-object";
import { billedServiceResource } from "./billed-service-resource";
import { uniqueSorted } from "./combine-vm-resources";

const OTHER_TYPES: NormalizedType[] = ["database", "kubernetes", "load_balancer", "floating_ip", "s3_bucket", "container_registry", "backup"];

const IP_LIKE = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]+:[0-9a-f:]*)$/i;

export interface OtherServicesOutput {
  vms: ResourceDraft[];
  services: ResourceDraft[];
  floatingIpsOnVms: number;
}

/** The VM a floating IP is attached to: billing's parent, else the VM that shows the address (Selectel names FIPs by their IP). */
function floatingIpOwner(object: BillingObject, vms: Map<string, ResourceDraft>): ResourceDraft | undefined {
  const parent = object.parentId ? vms.get(object.parentId) : undefined;
  if (parent) return parent;
  const ip = object.name?.trim();
  if (!ip || !IP_LIKE.test(ip)) return undefined;
  return [...vms.values()].find((vm) => vm.ipAddresses.includes(ip));
}

/**
 * Phase 6: databases, clusters, load balancers, buckets, registries, backups and floating IPs billed now become
 * resources of their type. A floating IP attached to a VM is folded into the VM (cost and address) instead; one
 * with no parent at all is flagged orphan: a public address nobody uses still costs money.
 */
export function otherServiceResources(groups: BillingGroups, vmsIn: ResourceDraft[], projectNames: Record<string, string>): OtherServicesOutput {
  const vms = vmsIn.map((vm) => ({ ...vm }));
  const vmById = new Map(vms.map((vm) => [vm.providerResourceId, vm]));
  const services: ResourceDraft[] = [];
  let floatingIpsOnVms = 0;
  for (const object of groups.objects) {
    if (!object.type || !OTHER_TYPES.includes(object.type) || !object.current) continue;
    if (object.type === "floating_ip") {
      const vm = floatingIpOwner(object, vmById);
      if (vm) {
        absorbBillingObject(vm, object);
        if (object.name && IP_LIKE.test(object.name.trim())) vm.ipAddresses = uniqueSorted([...vm.ipAddresses, object.name.trim()]);
        floatingIpsOnVms += 1;
        continue;
      }
      const resource = billedServiceResource(object, groups, projectNames);
      resource.flags.orphan = object.parentId === null;
      if (object.name && IP_LIKE.test(object.name.trim())) resource.ipAddresses = [object.name.trim()];
      services.push(resource);
      continue;
    }
    services.push(billedServiceResource(object, groups, projectNames));
  }
  return { vms, services, floatingIpsOnVms };
}
