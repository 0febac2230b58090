/**
 * Money without floats. Provider charges arrive as integer kopecks; everything derived from them is computed as
 * an exact fraction of kopecks in BigInt and rounded once, half away from zero ("half-up" on magnitudes, like
 * Postgres numeric and Prisma.Decimal ROUND_HALF_UP), to the scale of the column it lands in:
 * hourly Decimal(18,6), daily Decimal(18,4), monthly Decimal(18,2) — all in roubles.
 *
 * Period conversions use one rule: a day is 24 hours and a month is 720 hours (30 days), so
 * daily = hourly × 24, monthly = hourly × 720 = daily × 30.
 */

/** How a resource's running cost is known. Step outputs stay JSON, so amounts are integer kopecks (numbers). */
export type CostBasis =
  /** Kopecks charged in the latest complete billing hour (the provider's current rate). */
  | { kind: "hourly"; minor: number }
  /** Kopecks of the latest billed day, when the provider gave no hourly charges. */
  | { kind: "daily"; minor: number }
  /** A monthly list price in kopecks (unbilled orphan volumes priced by tier). */
  | { kind: "monthly"; minor: number };

export interface CostFigures {
  hourly: string;
  daily: string;
  monthly: string;
}

const HOURS: Record<CostBasis["kind"], bigint> = { hourly: 1n, daily: 24n, monthly: 720n };

export const HOURLY_SCALE = 6;
export const DAILY_SCALE = 4;
export const MONTHLY_SCALE = 2;

/** hourly / daily / monthly roubles as decimal strings at their column scales. */
export function costFigures(basis: CostBasis): CostFigures {
  const minor = BigInt(basis.minor);
  const per = HOURS[basis.kind];
  return {
    hourly: formatKopeckFraction(minor * HOURS.hourly, per, HOURLY_SCALE),
    daily: formatKopeckFraction(minor * HOURS.daily, per, DAILY_SCALE),
    monthly: formatKopeckFraction(minor * HOURS.monthly, per, MONTHLY_SCALE),
  };
}

/** Integer kopecks as roubles with two decimals: 12345 → "123.45". */
export function kopecksToRubles(minor: number): string {
  return formatScaled(BigInt(minor), MONTHLY_SCALE);
}

/** Rounds numerator/denominator (both integers) half away from zero. */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  return negative ? -quotient : quotient;
}

/** (numerator / denominator) kopecks as a rouble decimal string with `scale` decimals. */
export function formatKopeckFraction(numerator: bigint, denominator: bigint, scale: number): string {
  // roubles × 10^scale = kopecks × 10^scale / 100
  const scaled = divideRoundHalfUp(numerator * 10n ** BigInt(scale), denominator * 100n);
  return formatScaled(scaled, scale);
}

/** An integer holding value × 10^scale, printed as a fixed-point decimal string. */
export function formatScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? "-" : ""}${whole}${scale > 0 ? `.${fraction}` : ""}`;
}

/** Parses a decimal string ("12.5", "-0.125") into value × 10^scale, rounding half away from zero. */
export function parseScaled(text: string, scale: number): bigint {
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match || (match[2] === "" && !match[3])) throw new RangeError(`not a decimal: "${text}"`);
  const [, sign, whole = "", fraction = ""] = match;
  const digits = BigInt(`${whole || "0"}${fraction}`);
  const value = fraction.length <= scale ? digits * 10n ** BigInt(scale - fraction.length) : divideRoundHalfUp(digits, 10n ** BigInt(fraction.length - scale));
  return sign === "-" ? -value : value;
}

/** Exact sum of decimal strings at a scale (used for totals of monthly costs). */
export function sumDecimals(values: string[], scale: number): string {
  return formatScaled(values.reduce((total, value) => total + parseScaled(value, scale), 0n), scale);
}
