import type { BillingLine, BillingSnapshot, BillingWindow, ProviderContext } from "../contract";
import { ProviderError } from "../errors";
import type { BillableItem } from "./billable-items";
import { billableItems } from "./billable-items";
import { HOUR_MS, billableEnd, dailySpans } from "./billing-hours";
import { collectInventory } from "./collect-inventory";
import { openProjectSession } from "./openstack-session";
import { parseRateCard } from "./rate-card";

function line(item: BillableItem, projectName: string, currency: string, start: Date, end: Date, hours: number): BillingLine {
  return {
    providerResourceId: item.id,
    resourceName: item.name,
    billingType: item.billingType,
    parentId: item.parentId,
    projectId: item.projectId,
    projectName,
    region: item.region,
    metric: item.metric,
    quantity: String(item.quantityPerHour * hours),
    unit: item.unit,
    costMinor: item.hourlyMinor * hours,
    currency,
    periodStart: start,
    periodEnd: end,
    raw: { synthesized: true, priceKey: item.priceKey, priced: item.priced, hourlyMinor: item.hourlyMinor },
  };
}

/**
 * Plain OpenStack has no billing API, so charges are synthesized from the current inventory and the
 * connection's rate card: each object's hourly rate in kopecks (monthly price × 100 / 720, rounded half up),
 * the latest complete hour at that rate and, per UTC day of the window, the rate times the hours billed.
 */
export async function collectBilling(ctx: ProviderContext, window: BillingWindow): Promise<BillingSnapshot> {
  const rates = parseRateCard(ctx);
  const session = await openProjectSession(ctx);
  const inventory = await collectInventory(ctx);
  if (inventory.failures.length > 0) {
    // Charges from part of the inventory would read as a real drop in cost; better no billing than wrong billing.
    const failure = inventory.failures[0]!;
    throw new ProviderError(`OpenStack: billing needs the whole inventory, region ${failure.region ?? "?"} failed — ${failure.error}`, {
      provider: ctx.providerId,
      kind: "unavailable",
    });
  }
  const items = billableItems(inventory, rates);
  const unpriced = [...new Set(items.filter((item) => !item.priced).map((item) => `${item.billingType}:${item.priceKey ?? "?"}`))];
  if (unpriced.length) ctx.log.warn({ unpriced }, "rate card has no price for these; billed at zero");

  const end = billableEnd(window, ctx.now());
  const lastHourStart = new Date(end.getTime() - HOUR_MS);
  const latestHour =
    lastHourStart >= window.start
      ? {
          start: lastHourStart,
          end,
          lines: items
            .filter((item) => !item.billedFrom || item.billedFrom <= lastHourStart)
            .map((item) => line(item, session.projectName, rates.currency, lastHourStart, end, 1)),
        }
      : null;
  const daily = items.flatMap((item) =>
    dailySpans(window, end, item.billedFrom).map((span) => line(item, session.projectName, rates.currency, span.start, span.end, span.hours)),
  );
  return { currency: rates.currency, window, latestHour, daily };
}
