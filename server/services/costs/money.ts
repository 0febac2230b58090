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

/**
 * Money as integer ten-thousandths (the stored scale, 4 decimals): the cost explorer sums and formats thousands of
 * cells per answer, and bigint arithmetic is exact without a Decimal object per cell. Digits beyond the fourth
 * decimal must be zeros (SQL divisions pad them); anything else is refused rather than rounded.
 */
export function unitsOf(text: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`Not an amount: ${text}`);
  const fraction = match[3] ?? "";
  if (/[^0]/.test(fraction.slice(4))) throw new RangeError(`More than 4 decimals: ${text}`);
  const units = BigInt(match[2]! + fraction.slice(0, 4).padEnd(4, "0"));
  return match[1] ? -units : units;
}

/** formatMoney of ten-thousandths: kopecks, half away from zero, a minus sign on every negative amount. */
export function formatUnits(units: bigint): string {
  const negative = units < 0n;
  // One bigint division, then digits: an answer formats thousands of cells.
  const kopecks = (((negative ? -units : units) + 50n) / 100n).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${kopecks.slice(0, -2)}.${kopecks.slice(-2)}`;
}

export function decimalOfUnits(units: bigint): Prisma.Decimal {
  return new Prisma.Decimal(units.toString()).div(10_000);
}
