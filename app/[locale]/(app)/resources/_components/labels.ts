import type { MessageKey, MessageParams } from "@/server/i18n";
import { NORMALIZED_TYPES, RESOURCE_STATUSES } from "@/server/sync/model/resource-types";

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A known type's name in the user's language; an unknown one (e.g. an unrecognized billing type) as is. */
export function typeLabel(t: Translate, type: string): string {
  return (NORMALIZED_TYPES as readonly string[]).includes(type) ? t(`resources.types.${type}` as MessageKey) : type;
}

export function statusLabel(t: Translate, status: string): string {
  return (RESOURCE_STATUSES as readonly string[]).includes(status) ? t(`resources.statuses.${status}` as MessageKey) : status;
}

/** Money per currency joined with " + " ("0,00 ₽" when there is none). */
export function moneyList(costs: { currency: string; amount: string }[], format: (amount: string, currency: string) => string): string {
  return costs.length ? costs.map((cost) => format(cost.amount, cost.currency)).join(" + ") : format("0", "RUB");
}
