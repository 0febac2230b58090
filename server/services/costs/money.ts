import { Prisma } from "../../db";

export type Money = Prisma.Decimal;

export const ZERO = new Prisma.Decimal(0);

/** A SQL sum sent back as text (exact), or null for an empty sum. */
export function decimal(value: string | number | Prisma.Decimal | null | undefined): Prisma.Decimal {
  return value === null || value === undefined ? ZERO : new Prisma.Decimal(value);
}

/** Kopeck precision, half-up (away from zero), never through a float. */
export function formatMoney(value: Prisma.Decimal): string {
  return value.toFixed(2, Prisma.Decimal.ROUND_HALF_UP);
}

/** (current − previous) / previous × 100 with one decimal; null when there is nothing to compare with. */
export function changePercent(current: Prisma.Decimal, previous: Prisma.Decimal): string | null {
  if (previous.isZero()) return null;
  return current.minus(previous).div(previous.abs()).times(100).toFixed(1, Prisma.Decimal.ROUND_HALF_UP);
}

export function sum(values: Iterable<Prisma.Decimal>): Prisma.Decimal {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}
