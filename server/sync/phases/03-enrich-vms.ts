import type { AccountSummary, ProviderContext, ProviderPlugin, RegionInventory } from "../../providers/contract";
import { isProviderError } from "../../providers/errors";
import type { ResourceDraft, SyncFailure } from "../model/unified-resource";
import type { BillingGroups } from "./02-group-by-type";
import { combineVmResources, type InventoryView } from "./combine-vm-resources";

export interface VmPhaseOutput {
  inventory: InventoryView;
  /** Scopes the inventory could not read (region × project, or everything when the whole fetch failed). */
  failures: SyncFailure[];
  vms: ResourceDraft[];
  projectNames: Record<string, string>;
}

export function projectNamesOf(account: AccountSummary, groups: BillingGroups): Record<string, string> {
  const names: Record<string, string> = {};
  for (const project of account.projects) names[project.id] = project.name;
  for (const project of groups.projects) if (project.name && !names[project.id]) names[project.id] = project.name;
  return names;
}

/**
 * Phase 3: reads the inventory of every project seen in billing and combines it with the billed VMs. A failed
 * fetch is not fatal (the run becomes partial and nothing in the failed scope is called a zombie or closed);
 * an auth failure is, because it will not heal by retrying.
 */
export async function enrichVmsPhase(plugin: ProviderPlugin, ctx: ProviderContext, account: AccountSummary, groups: BillingGroups): Promise<VmPhaseOutput> {
  const projectNames = projectNamesOf(account, groups);
  const failures: SyncFailure[] = [];
  let regions: RegionInventory[] = [];
  const collected = Boolean(plugin.collectInventory);
  if (plugin.collectInventory && groups.projects.length > 0) {
    try {
      const snapshot = await plugin.collectInventory(ctx, { projects: groups.projects.map((project) => ({ id: project.id, name: project.name ?? projectNames[project.id] ?? null })) });
      regions = snapshot.regions;
      failures.push(...snapshot.failures.map((failure) => ({ phase: "vms", ...failure })));
    } catch (error) {
      if (isProviderError(error) && error.kind === "auth") throw error;
      ctx.log.warn({ err: error }, "inventory failed; keeping earlier inventory data");
      failures.push({ phase: "vms", projectId: null, region: null, error: error instanceof Error ? error.message : String(error) });
    }
  }
  const inventory = { collected, regions };
  return { inventory, failures, vms: combineVmResources(groups, inventory, failures, projectNames), projectNames };
}

export function countVms(output: VmPhaseOutput): Record<string, number> {
  return {
    vms: output.vms.length,
    zombies: output.vms.filter((vm) => vm.flags.zombie).length,
    inventoryScopes: output.inventory.regions.length,
    failedScopes: output.failures.length,
    servers: output.inventory.regions.reduce((sum, region) => sum + region.servers.length, 0),
    volumes: output.inventory.regions.reduce((sum, region) => sum + region.volumes.length, 0),
    ports: output.inventory.regions.reduce((sum, region) => sum + region.ports.length, 0),
  };
}
