import { z } from "zod";
import type { ProviderContext } from "../contract";
import { ProviderError } from "../errors";

const price = z
  .string()
  .trim()
  .regex(/^\d+(?:\.\d+)?$/, "a non-negative decimal such as 1234.56");

/**
 * What a plain OpenStack cloud charges, since it has no billing API: monthly prices per flavor name, per GB-month
 * per volume type name, and per floating IP. Prices are decimal strings in a currency with 1/100 minor units.
 */
export const rateCardSchema = z.object({
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default("RUB"),
  flavors: z.record(z.string(), price).default({}),
  volumeTypes: z.record(z.string(), price).default({}),
  floatingIp: price.optional(),
});

export type RateCard = z.output<typeof rateCardSchema>;

export function parseRateCard(ctx: ProviderContext): RateCard {
  const parsed = rateCardSchema.safeParse(ctx.settings);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "settings"}: ${issue.message}`).join("; ");
  throw new ProviderError(`OpenStack: invalid rate card — ${problems}`, { provider: ctx.providerId, kind: "config" });
}

/** The currency for the account summary, before a rate card may have been entered. */
export function rateCardCurrency(ctx: ProviderContext): string {
  const parsed = rateCardSchema.safeParse(ctx.settings);
  return parsed.success ? parsed.data.currency : "RUB";
}
