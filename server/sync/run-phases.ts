import type { AccountSummary, BillingWindow, ProviderContext, ProviderPlugin, RegionInventory } from "../providers/contract";
import { mapWithConcurrency } from "../providers/lib/http/semaphore";
import { ARTIFACT_KEYS, createMemoryArtifacts, type SyncArtifacts } from "./artifacts/sync-artifacts";
import type { InventoryReport, PhaseRecord, ResourceDraft, SyncFailure } from "./model/unified-resource";
import { collectBillingPhase, countBilling, type BillingPhaseOutput, type BillingPhaseWindow } from "./phases/01-billing";
import { countGroups, groupBillingByType, type BillingGroups } from "./phases/02-group-by-type";
import { countVms, enrichVmsPhase, projectNamesOf, type VmPhaseOutput } from "./phases/03-enrich-vms";
import { attachVolumes, countVolumes, type VolumePhaseOutput } from "./phases/04-volumes";
import { fileStorageResources } from "./phases/05-file-storage";
import { otherServiceResources, type OtherServicesOutput } from "./phases/06-other-services";
import { unifyResources, type UnificationOutput } from "./phases/07-unification";
import { combineVmResources } from "./phases/combine-vm-resources";
import { deserializeError, PHASES, runPhase, serializeError, type PhaseHooks, type PhaseOutcome, type SerializedError } from "./run-phase";
import { withStepUsage, type StepUsage } from "./step-usage";
import type { SyncStep } from "./sync-step";

export interface RunPhasesOptions {
  step: SyncStep;
  window?: BillingWindow;
  /** No explicit window: collect this many days of history (a connection's first sync), else month to date. */
  historyDays?: number | null;
  hooks?: PhaseHooks;
  /** Where steps leave bulk data for later steps (the run's SyncArtifact rows); in memory when omitted. */
  artifacts?: SyncArtifacts;
}

/** The account as a step result carries it; the full summary (every project) is the "account" artifact. */
export interface AccountBrief {
  accountId: string;
  accountName: string;
  currency: string;
  projects: number;
}

/**
 * What phases 1–7 produced, small enough to be memoized as step results: the resources, cost rows and unknown
 * types are in the artifacts ("unification", "account").
 */
export interface PhasesSummary {
  account: AccountBrief;
  window: BillingPhaseWindow;
  currency: string;
  phases: PhaseRecord[];
  failures: SyncFailure[];
}

export type StagedPhasesResult = { ok: true; summary: PhasesSummary } | { ok: false; error: SerializedError; phases: PhaseRecord[]; failures: SyncFailure[] };

export type PhasesResult =
  | { ok: true; report: InventoryReport }
  | { ok: false; error: SerializedError; phases: PhaseRecord[]; failures: SyncFailure[]; account: AccountSummary | null };

/** One fanned-out inventory step: which projects it read and what came of it (the data is its artifact). */
export type InventoryScopeResult = {
  key: string;
  projectIds: string[];
  startedAt: string;
  usage: StepUsage;
} & ({ ok: true; failures: SyncFailure[]; counts: Record<string, number> } | { ok: false; error: SerializedError });

/** Above this many projects, inventory steps take several projects each (Inngest allows ~1,000 steps a run). */
const MAX_INVENTORY_STEPS = 100;

/** Inventory scopes with stable keys: one per project, or fixed-size batches of projects for huge accounts. */
export function inventoryScopes(projects: { id: string; name: string | null }[]): { key: string; projects: { id: string; name: string | null }[] }[] {
  if (projects.length <= MAX_INVENTORY_STEPS) return projects.map((project) => ({ key: project.id, projects: [project] }));
  const size = Math.ceil(projects.length / MAX_INVENTORY_STEPS);
  const batches = [];
  for (let start = 0; start < projects.length; start += size) batches.push(projects.slice(start, start + size));
  return batches.map((batch, index) => ({ key: `batch-${index + 1}-of-${batches.length}`, projects: batch }));
}

/** A failed optional phase: the run goes on with `fallback` and becomes partial; an auth failure still ends it. */
function optional<T, F>(outcome: PhaseOutcome<T>, fallback: () => F, failures: SyncFailure[]): { value: T | F } | { fatal: SerializedError } {
  if (outcome.ok) return { value: outcome.value };
  if (outcome.error.kind === "auth") return { fatal: outcome.error };
  failures.push({ phase: outcome.record.id, projectId: null, region: null, error: outcome.error.message });
  return { value: fallback() };
}

function sumUsage(items: StepUsage[]): StepUsage {
  return items.reduce((sum, usage) => ({ apiCalls: sum.apiCalls + usage.apiCalls, cacheHits: sum.cacheHits + usage.cacheHits, cacheMisses: sum.cacheMisses + usage.cacheMisses }), { apiCalls: 0, cacheHits: 0, cacheMisses: 0 });
}

/** Each (project, region) once, even from a plugin that answers every scope with its whole inventory. */
function distinctRegions(regions: RegionInventory[]): RegionInventory[] {
  const seen = new Map<string, RegionInventory>();
  for (const region of regions) {
    const key = `${region.projectId}\u0000${region.region}`;
    if (!seen.has(key)) seen.set(key, region);
  }
  return [...seen.values()];
}

function distinctFailures(failures: SyncFailure[]): SyncFailure[] {
  const seen = new Map<string, SyncFailure>();
  for (const failure of failures) seen.set(`${failure.phase}|${failure.projectId}|${failure.region}|${failure.error}`, failure);
  return [...seen.values()];
}

/**
 * Phase 3 from the fanned-out inventory steps: the same output as enrichVmsPhase (which reads every project in one
 * call). A project whose step failed is a failed scope; when every step failed, the whole inventory failed (no
 * scope, so nothing anywhere is called a zombie or closed), and if any of them was refused the credentials are
 * wrong: that ends the run.
 */
async function combineInventoryScopes(ctx: ProviderContext, artifacts: SyncArtifacts, account: AccountSummary, groups: BillingGroups, scopes: InventoryScopeResult[]): Promise<VmPhaseOutput> {
  const projectNames = projectNamesOf(account, groups);
  const failures: SyncFailure[] = [];
  const regions: RegionInventory[] = [];
  const failed = scopes.filter((scope): scope is Extract<InventoryScopeResult, { ok: false }> => !scope.ok);
  if (scopes.length > 0 && failed.length === scopes.length) {
    const refused = failed.find((scope) => scope.error.kind === "auth");
    if (refused) throw deserializeError(refused.error);
    ctx.log.warn({ error: failed[0]!.error.message }, "inventory failed; keeping earlier inventory data");
    failures.push({ phase: "vms", projectId: null, region: null, error: failed[0]!.error.message });
  } else {
    for (const scope of failed) for (const projectId of scope.projectIds) failures.push({ phase: "vms", projectId, region: null, error: scope.error.message });
  }
  for (const scope of scopes) {
    if (!scope.ok) continue;
    failures.push(...scope.failures);
    regions.push(...(await artifacts.get<{ regions: RegionInventory[] }>(ARTIFACT_KEYS.inventory(scope.key))).regions);
  }
  const inventory = { collected: true, regions: distinctRegions(regions) };
  const distinct = distinctFailures(failures);
  return { inventory, failures: distinct, vms: combineVmResources(groups, inventory, distinct, projectNames), projectNames };
}

/**
 * Phases 1–7 of the billing-first sync, each one step with a stable id; the inventory of phase 3 is fanned out
 * first, one parallel step per project (`inventory:<projectId>`), when the runner can run steps in parallel.
 * Every step writes its bulk output to the run's artifacts and returns counts, so step results stay small.
 * Billing, grouping and unification are required; inventory, volumes, file storage and other services may fail
 * without losing the run (a failure with no scope protects every earlier record from being closed).
 * Nothing here touches the database except through `artifacts` and `hooks`.
 */
export async function runStagedPhases(plugin: ProviderPlugin, ctx: ProviderContext, options: RunPhasesOptions & { artifacts: SyncArtifacts }): Promise<StagedPhasesResult> {
  const { step, hooks, artifacts } = options;
  const phases: PhaseRecord[] = [];
  const failures: SyncFailure[] = [];
  const fatal = (error: SerializedError): StagedPhasesResult => ({ ok: false, error, phases, failures });
  const run = async <T extends { counts: Record<string, number> }>(phase: (typeof PHASES)[keyof typeof PHASES], fn: () => Promise<T>, extra?: { startedAt?: string; extra?: StepUsage }) => {
    const outcome = await runPhase(step, phase, fn, (value) => value.counts, { ctx, hooks, ...extra });
    phases.push(outcome.record);
    return outcome;
  };

  const billing = await run(PHASES.billing, async () => {
    const output = await collectBillingPhase(plugin, ctx, { window: options.window, historyDays: options.historyDays });
    await artifacts.put(ARTIFACT_KEYS.billing, output);
    await artifacts.put(ARTIFACT_KEYS.account, output.account);
    const brief: AccountBrief = { accountId: output.account.accountId, accountName: output.account.accountName, currency: output.account.currency, projects: output.account.projects.length };
    return { account: brief, window: output.window, currency: output.currency, counts: countBilling(output) };
  });
  if (!billing.ok) return fatal(billing.error);

  const grouped = await run(PHASES.groupByType, async () => {
    const groups = groupBillingByType(await artifacts.get<BillingPhaseOutput>(ARTIFACT_KEYS.billing));
    await artifacts.put(ARTIFACT_KEYS.groups, groups);
    return { currency: groups.currency, projects: groups.projects, counts: countGroups(groups) };
  });
  if (!grouped.ok) return fatal(grouped.error);
  const groupsOf = () => artifacts.get<BillingGroups>(ARTIFACT_KEYS.groups);
  const accountOf = () => artifacts.get<AccountSummary>(ARTIFACT_KEYS.account);

  // Phase 3's inventory, one step per project, at most ctx.concurrency of them at a time.
  let scopes: InventoryScopeResult[] | null = null;
  if (step.parallel && plugin.collectInventory && grouped.value.projects.length > 0) {
    const collectInventory = plugin.collectInventory.bind(plugin);
    scopes = await mapWithConcurrency(inventoryScopes(grouped.value.projects), ctx.concurrency, (scope, index) =>
      step.run(`inventory:${scope.key}`, () =>
        withStepUsage(ctx, async (usage): Promise<InventoryScopeResult> => {
          const startedAt = new Date().toISOString();
          // Live progress: the UI shows "vms" running while its inventory is read.
          if (index === 0) await hooks?.onPhaseStart?.({ ...PHASES.vms, status: "running", startedAt, finishedAt: null, durationMs: null, counts: {}, apiCalls: 0, cacheHits: 0, cacheMisses: 0, error: null });
          const base = { key: scope.key, projectIds: scope.projects.map((project) => project.id), startedAt };
          try {
            const snapshot = await collectInventory(ctx, { projects: scope.projects });
            await artifacts.put(ARTIFACT_KEYS.inventory(scope.key), { regions: snapshot.regions });
            const counts = {
              regions: snapshot.regions.length,
              servers: snapshot.regions.reduce((sum, region) => sum + region.servers.length, 0),
              volumes: snapshot.regions.reduce((sum, region) => sum + region.volumes.length, 0),
              ports: snapshot.regions.reduce((sum, region) => sum + region.ports.length, 0),
            };
            return { ...base, usage: { ...usage }, ok: true, failures: snapshot.failures.map((failure) => ({ phase: "vms", ...failure })), counts };
          } catch (error) {
            if (ctx.signal?.aborted || step.shouldRetry?.(error)) throw error;
            return { ...base, usage: { ...usage }, ok: false, error: serializeError(error) };
          }
        }),
      ),
    );
  }

  const fanOut = scopes ? { startedAt: scopes.map((scope) => scope.startedAt).sort()[0], extra: sumUsage(scopes.map((scope) => scope.usage)) } : undefined;
  const vms = await run(
    PHASES.vms,
    async () => {
      const [account, groups] = [await accountOf(), await groupsOf()];
      const output = scopes ? await combineInventoryScopes(ctx, artifacts, account, groups, scopes) : await enrichVmsPhase(plugin, ctx, account, groups);
      await artifacts.put(ARTIFACT_KEYS.vms, output);
      return { failures: output.failures, counts: countVms(output) };
    },
    fanOut,
  );
  // A failed optional phase leaves no artifact: later steps use its fallback (null here) instead.
  const vmOutcome = optional(vms, () => null, failures);
  if ("fatal" in vmOutcome) return fatal(vmOutcome.fatal);
  const vmValue = vmOutcome.value;
  failures.push(...(vmValue?.failures ?? []));
  const vmPhaseOf = async (): Promise<VmPhaseOutput> => {
    if (vmValue) return artifacts.get<VmPhaseOutput>(ARTIFACT_KEYS.vms);
    const [account, groups] = [await accountOf(), await groupsOf()];
    return { inventory: { collected: true, regions: [] }, failures: [], vms: [], projectNames: projectNamesOf(account, groups) };
  };

  const volumes = await run(PHASES.volumes, async () => {
    const [groups, vmPhase] = [await groupsOf(), await vmPhaseOf()];
    const output = attachVolumes(groups, vmPhase.inventory, failures, vmPhase.vms, vmPhase.projectNames);
    await artifacts.put(ARTIFACT_KEYS.volumes, output);
    return { counts: countVolumes(output) };
  });
  const volumeOutcome = optional(volumes, () => null, failures);
  if ("fatal" in volumeOutcome) return fatal(volumeOutcome.fatal);
  const volumesDone = volumeOutcome.value !== null;
  const volumesOf = async (): Promise<VolumePhaseOutput> => (volumesDone ? artifacts.get<VolumePhaseOutput>(ARTIFACT_KEYS.volumes) : { vms: (await vmPhaseOf()).vms, volumes: [], attached: [] });

  const shares = await run(PHASES.fileStorage, async () => {
    const [groups, vmPhase] = [await groupsOf(), await vmPhaseOf()];
    const output = fileStorageResources(groups, vmPhase.projectNames);
    await artifacts.put(ARTIFACT_KEYS.fileStorage, output);
    return { counts: { shares: output.length } };
  });
  const shareOutcome = optional(shares, () => null, failures);
  if ("fatal" in shareOutcome) return fatal(shareOutcome.fatal);
  const sharesDone = shareOutcome.value !== null;
  const sharesOf = async (): Promise<ResourceDraft[]> => (sharesDone ? artifacts.get<ResourceDraft[]>(ARTIFACT_KEYS.fileStorage) : []);

  const other = await run(PHASES.otherServices, async () => {
    const [groups, vmPhase, volumePhase] = [await groupsOf(), await vmPhaseOf(), await volumesOf()];
    const output = otherServiceResources(groups, volumePhase.vms, vmPhase.projectNames);
    await artifacts.put(ARTIFACT_KEYS.otherServices, output);
    return { counts: { services: output.services.length, floatingIpsOnVms: output.floatingIpsOnVms } };
  });
  const otherOutcome = optional(other, () => null, failures);
  if ("fatal" in otherOutcome) return fatal(otherOutcome.fatal);
  const otherDone = otherOutcome.value !== null;
  const otherOf = async (): Promise<OtherServicesOutput> =>
    otherDone ? artifacts.get<OtherServicesOutput>(ARTIFACT_KEYS.otherServices) : { vms: (await volumesOf()).vms, services: [], floatingIpsOnVms: 0 };

  const unified = await run(PHASES.unification, async () => {
    const [account, groups, vmPhase, volumePhase, shareList, otherPhase] = [await accountOf(), await groupsOf(), await vmPhaseOf(), await volumesOf(), await sharesOf(), await otherOf()];
    const output = unifyResources(account, groups, [...otherPhase.vms, ...volumePhase.volumes, ...shareList, ...otherPhase.services], vmPhase.projectNames);
    await artifacts.put(ARTIFACT_KEYS.unification, output);
    return { counts: { resources: output.resources.length, unrecognized: output.unrecognized.length, costRows: output.costRows.length } };
  });
  if (!unified.ok) return fatal(unified.error);

  return { ok: true, summary: { account: billing.value.account, window: billing.value.window, currency: grouped.value.currency, phases, failures } };
}

/**
 * Phases 1–7 with the whole report in hand at the end (the `inventory` CLI, previews, benchmarks): the staged
 * phases over in-memory artifacts unless the caller brings its own.
 */
export async function runPhases(plugin: ProviderPlugin, ctx: ProviderContext, options: RunPhasesOptions): Promise<PhasesResult> {
  const artifacts = options.artifacts ?? createMemoryArtifacts();
  const result = await runStagedPhases(plugin, ctx, { ...options, artifacts });
  if (!result.ok) {
    const account = await artifacts.get<AccountSummary>(ARTIFACT_KEYS.account).catch(() => null);
    return { ...result, account };
  }
  const [account, unified] = [await artifacts.get<AccountSummary>(ARTIFACT_KEYS.account), await artifacts.get<UnificationOutput>(ARTIFACT_KEYS.unification)];
  const { summary } = result;
  return { ok: true, report: { account, window: summary.window, currency: summary.currency, ...unified, phases: summary.phases, failures: summary.failures } };
}
