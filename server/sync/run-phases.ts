import type { AccountSummary, BillingWindow, ProviderContext, ProviderPlugin } from "../providers/contract";
import type { InventoryReport, PhaseRecord, ResourceDraft, SyncFailure } from "./model/unified-resource";
import { collectBillingPhase, countBilling } from "./phases/01-billing";
import { countGroups, groupBillingByType } from "./phases/02-group-by-type";
import { countVms, enrichVmsPhase, projectNamesOf, type VmPhaseOutput } from "./phases/03-enrich-vms";
import { attachVolumes, countVolumes, type VolumePhaseOutput } from "./phases/04-volumes";
import { fileStorageResources } from "./phases/05-file-storage";
import { otherServiceResources, type OtherServicesOutput } from "./phases/06-other-services";
import { unifyResources } from "./phases/07-unification";
import { PHASES, runPhase, type PhaseHooks, type PhaseOutcome, type SerializedError } from "./run-phase";
import type { SyncStep } from "./sync-step";

export interface RunPhasesOptions {
  step: SyncStep;
  window?: BillingWindow;
  hooks?: PhaseHooks;
}

export type PhasesResult =
  | { ok: true; report: InventoryReport }
  | { ok: false; error: SerializedError; phases: PhaseRecord[]; failures: SyncFailure[]; account: AccountSummary | null };

/** A failed optional phase: the run goes on with `fallback` and becomes partial; an auth failure still ends it. */
function optional<T>(outcome: PhaseOutcome<T>, fallback: () => T, failures: SyncFailure[]): { value: T } | { fatal: SerializedError } {
  if (outcome.ok) return { value: outcome.value };
  if (outcome.error.kind === "auth") return { fatal: outcome.error };
  failures.push({ phase: outcome.record.id, projectId: null, region: null, error: outcome.error.message });
  return { value: fallback() };
}

/**
 * Phases 1–7 of the billing-first sync, each one step with a stable id. Billing, grouping and unification are
 * required; inventory, volumes, file storage and other services may fail without losing the run (a failure with
 * no scope protects every earlier record from being closed). Nothing here touches the database.
 */
export async function runPhases(plugin: ProviderPlugin, ctx: ProviderContext, options: RunPhasesOptions): Promise<PhasesResult> {
  const { step, hooks } = options;
  const phases: PhaseRecord[] = [];
  const failures: SyncFailure[] = [];
  let account: AccountSummary | null = null;
  const fatal = (error: SerializedError): PhasesResult => ({ ok: false, error, phases, failures, account });
  const run = async <T>(phase: (typeof PHASES)[keyof typeof PHASES], fn: () => T | Promise<T>, countsOf: (value: T) => Record<string, number>) => {
    const outcome = await runPhase(step, phase, async () => fn(), countsOf, { ctx, hooks });
    phases.push(outcome.record);
    return outcome;
  };

  const billing = await run(PHASES.billing, () => collectBillingPhase(plugin, ctx, options.window), countBilling);
  if (!billing.ok) return fatal(billing.error);
  account = billing.value.account;
  const billingAccount = billing.value.account;

  const grouped = await run(PHASES.groupByType, () => groupBillingByType(billing.value), countGroups);
  if (!grouped.ok) return fatal(grouped.error);
  const groups = grouped.value;

  const vmOutcome = optional<VmPhaseOutput>(
    await run(PHASES.vms, () => enrichVmsPhase(plugin, ctx, billingAccount, groups), countVms),
    () => ({ inventory: { collected: true, regions: [] }, failures: [], vms: [], projectNames: projectNamesOf(billingAccount, groups) }),
    failures,
  );
  if ("fatal" in vmOutcome) return fatal(vmOutcome.fatal);
  const vmPhase = vmOutcome.value;
  failures.push(...vmPhase.failures);

  const volumeOutcome = optional<VolumePhaseOutput>(
    await run(PHASES.volumes, () => attachVolumes(groups, vmPhase.inventory, failures, vmPhase.vms, vmPhase.projectNames), countVolumes),
    () => ({ vms: vmPhase.vms, volumes: [], attached: [] }),
    failures,
  );
  if ("fatal" in volumeOutcome) return fatal(volumeOutcome.fatal);
  const volumes = volumeOutcome.value;

  const shareOutcome = optional<ResourceDraft[]>(
    await run(PHASES.fileStorage, () => fileStorageResources(groups, vmPhase.projectNames), (shares) => ({ shares: shares.length })),
    () => [],
    failures,
  );
  if ("fatal" in shareOutcome) return fatal(shareOutcome.fatal);

  const otherOutcome = optional<OtherServicesOutput>(
    await run(PHASES.otherServices, () => otherServiceResources(groups, volumes.vms, vmPhase.projectNames), (other) => ({ services: other.services.length, floatingIpsOnVms: other.floatingIpsOnVms })),
    () => ({ vms: volumes.vms, services: [], floatingIpsOnVms: 0 }),
    failures,
  );
  if ("fatal" in otherOutcome) return fatal(otherOutcome.fatal);
  const other = otherOutcome.value;

  const unified = await run(
    PHASES.unification,
    () => unifyResources(billingAccount, groups, [...other.vms, ...volumes.volumes, ...shareOutcome.value, ...other.services], vmPhase.projectNames),
    (output) => ({ resources: output.resources.length, unrecognized: output.unrecognized.length, costRows: output.costRows.length }),
  );
  if (!unified.ok) return fatal(unified.error);

  return {
    ok: true,
    report: { account: billingAccount, window: billing.value.window, currency: groups.currency, ...unified.value, phases, failures },
  };
}
