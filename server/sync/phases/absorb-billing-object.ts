import type { DailyCost, ResourceDraft } from "../model/unified-resource";
import type { BillingObject } from "./02-group-by-type";

export function mergeDaily(a: DailyCost[], b: DailyCost[]): DailyCost[] {
  const days = new Map<string, number>();
  for (const day of [...a, ...b]) days.set(day.date, (days.get(day.date) ?? 0) + day.costMinor);
  return [...days].map(([date, costMinor]) => ({ date, costMinor })).sort((x, y) => x.date.localeCompare(y.date));
}

/**
 * Folds a billed child (a volume, a floating IP) into its VM: its current charge joins the VM's, its daily charges
 * join the VM's daily rows, and it stops being a resource of its own.
 */
export function absorbBillingObject(owner: ResourceDraft, object: BillingObject): void {
  if (owner.billingIds.includes(object.providerResourceId)) return;
  if (object.current) {
    if (owner.cost.kind === "monthly") throw new Error(`cannot add billed charges to list-priced ${owner.providerResourceId}`);
    owner.cost = { kind: owner.cost.kind, minor: owner.cost.minor + object.currentMinor };
  }
  owner.daily = mergeDaily(owner.daily, object.daily);
  owner.billingIds = [...owner.billingIds, object.providerResourceId];
}
