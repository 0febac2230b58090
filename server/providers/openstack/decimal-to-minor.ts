/** Hours in the month of a monthly price: 30 days, the same month the daily baseline divides by. */
export const HOURS_PER_MONTH = 720n;

/** "1234.5" → 123450n at scale 2. Exact: money never passes through a float. */
export function parseDecimal(text: string): { units: bigint; scale: number } {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new RangeError(`not a non-negative decimal: "${text}"`);
  const fraction = match[2] ?? "";
  return { units: BigInt(match[1]! + fraction), scale: fraction.length };
}

/** numerator / denominator rounded half up (both non-negative). */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/**
 * Minor units (kopecks) per hour for a monthly price in major units, times an integer quantity (GB for volumes):
 * price × quantity × 100 / 720, rounded half up once, per hour.
 */
export function monthlyToHourlyMinor(monthlyPrice: string, quantity = 1): number {
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new RangeError(`quantity must be a non-negative integer, got ${quantity}`);
  const { units, scale } = parseDecimal(monthlyPrice);
  const minor = divideHalfUp(units * BigInt(quantity) * 100n, 10n ** BigInt(scale) * HOURS_PER_MONTH);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError("price out of range");
  return Number(minor);
}
