import type { AccountSummary } from "../../providers/contract";
import { costFigures, kopecksToRubles, sumDecimals } from "../model/money";
import { SERVICE_BY_TYPE } from "../model/resource-types";
import type { CostRow, ResourceDraft, UnifiedResource, UnrecognizedItem } from "../model/unified-resource";
import type { BillingGroups, BillingObject } from "./02-group-by-type";

export interface UnificationOutput {
  resources: UnifiedResource[];
  unrecognized: UnrecognizedItem[];
  costRows: CostRow[];
}

function finalize(draft: ResourceDraft, currency: string): UnifiedResource {
  const { cost, daily, ...rest } = draft;
  const figures = costFigures(cost);
  return {
    ...rest,
    hourlyCost: figures.hourly,
    dailyCost: figures.daily,
    monthlyCost: figures.monthly,
    periodCost: kopecksToRubles(daily.reduce((sum, day) => sum + day.costMinor, 0)),
    currency,
    dailyCosts: daily,
  };
}

function structural(draft: Pick<ResourceDraft, "providerResourceId" | "name" | "type" | "projectId" | "projectName" | "specs">, basis: BillingGroups["basis"]): ResourceDraft {
  return {
    ...draft,
    status: "ACTIVE",
    region: null,
    vcpus: null,
    ramMb: null,
    flavorName: null,
    storageGb: null,
    ipAddresses: [],
    attachedVolumes: [],
    networkInterfaces: [],
    flags: { zombie: false, orphan: false },
    ...SERVICE_BY_TYPE[draft.type],
    inventory: "not_applicable",
    // Account and project carry no cost of their own, so totals never count a charge twice.
    cost: { kind: basis, minor: 0 },
    daily: [],
    billingIds: [],
  };
}

function costRowsOf(resource: UnifiedResource): CostRow[] {
  return resource.dailyCosts.map((day) => ({
    providerResourceId: resource.providerResourceId,
    date: day.date,
    costMinor: day.costMinor,
    currency: resource.currency,
    resourceName: resource.name,
    resourceType: resource.type,
    serviceName: resource.serviceName,
    serviceCategory: resource.serviceCategory,
    regionId: resource.region,
    subAccountId: resource.projectId,
  }));
}

/** Objects no resource took (deleted earlier in the window, unknown types) still keep their daily costs. */
function leftoverCostRows(object: BillingObject, currency: string): CostRow[] {
  const service = object.type ? SERVICE_BY_TYPE[object.type] : { serviceName: null, serviceCategory: "Other" };
  return object.daily.map((day) => ({
    providerResourceId: object.providerResourceId,
    date: day.date,
    costMinor: day.costMinor,
    currency,
    resourceName: object.name,
    resourceType: object.type ?? object.billingType,
    ...service,
    regionId: object.region,
    subAccountId: object.projectId,
  }));
}

const TYPE_ORDER = ["account", "project", "server", "volume", "file_storage", "database", "kubernetes", "load_balancer", "floating_ip", "s3_bucket", "container_registry", "backup"];

/**
 * Phase 7: one list — the account, one resource per project, VMs (with their volumes and interfaces folded in),
 * standalone volumes, shares and other services — with decimal costs: hourly = latest hour, daily = × 24,
 * monthly = × 720 (see model/money.ts). Also the unknown billing types and every daily cost row.
 */
export function unifyResources(account: AccountSummary, groups: BillingGroups, drafts: ResourceDraft[], projectNames: Record<string, string>): UnificationOutput {
  const currency = groups.currency;
  const seen = new Set<string>();
  const billed: UnifiedResource[] = [];
  for (const draft of drafts) {
    if (seen.has(draft.providerResourceId)) continue;
    seen.add(draft.providerResourceId);
    billed.push(finalize(draft, currency));
  }

  const projectIds = new Set([...account.projects.map((project) => project.id), ...groups.projects.map((project) => project.id)]);
  for (const resource of billed) if (resource.projectId) projectIds.add(resource.projectId);
  const projects = [...projectIds].map((id) => {
    const members = billed.filter((resource) => resource.projectId === id);
    const specs = { resourceCount: members.length, monthlyCost: sumDecimals(members.map((resource) => resource.monthlyCost), 2) };
    return finalize(structural({ providerResourceId: id, name: projectNames[id] ?? id, type: "project", projectId: id, projectName: projectNames[id] ?? null, specs }, groups.basis), currency);
  });

  // The account id is used as is unless a project (generic OpenStack) already has that id.
  const accountId = projectIds.has(account.accountId) || seen.has(account.accountId) ? `account:${account.accountId}` : account.accountId;
  const accountSpecs = { balance: account.balance, currency: account.currency, daysLeft: account.daysLeft, projects: account.projects.length };
  const accountResource = finalize(structural({ providerResourceId: accountId, name: account.accountName, type: "account", projectId: null, projectName: null, specs: accountSpecs }, groups.basis), currency);

  const resources = [accountResource, ...projects, ...billed].sort(
    (a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || a.name.localeCompare(b.name) || a.providerResourceId.localeCompare(b.providerResourceId),
  );

  const consumed = new Set(billed.flatMap((resource) => resource.billingIds));
  const unrecognized: UnrecognizedItem[] = groups.objects
    .filter((object) => object.type === null)
    .map((object) => ({
      providerResourceId: object.providerResourceId,
      name: object.name,
      billingType: object.billingType,
      inferredType: object.inferredType,
      projectId: object.projectId,
      region: object.region,
      monthlyCost: costFigures({ kind: groups.basis, minor: object.current ? object.currentMinor : 0 }).monthly,
      currency,
      rawBilling: object.rawLines,
    }));
  const rows = [...billed.flatMap(costRowsOf), ...groups.objects.filter((object) => !consumed.has(object.providerResourceId)).flatMap((object) => leftoverCostRows(object, currency))];
  // One row per (resource, day) is what CostRecord's unique key allows: merge the rare id collision instead of failing.
  const costRows = new Map<string, CostRow>();
  for (const row of rows) {
    const key = `${row.providerResourceId}|${row.date}`;
    const existing = costRows.get(key);
    costRows.set(key, existing ? { ...existing, costMinor: existing.costMinor + row.costMinor } : row);
  }

  return { resources, unrecognized, costRows: [...costRows.values()] };
}
