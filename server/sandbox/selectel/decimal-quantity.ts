/**
 * Metric quantities are decimal strings ("0.5" GB, "1024" MB) multiplied by hours and summed across rows.
 * Floats would turn 0.1 × 3 into 0.30000000000000004, so they are scaled BigInts internally.
 */
const SCALE = 9;
const FACTOR = 10n ** BigInt(SCALE);

export function parseDecimal(text: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`Not a decimal quantity: "${text}"`);
  const fraction = (match[3] ?? "").slice(0, SCALE).padEnd(SCALE, "0");
  const value = BigInt(match[2]!) * FACTOR + BigInt(fraction);
  return match[1] ? -value : value;
}

export function formatDecimal(value: bigint): string {
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const whole = absolute / FACTOR;
  const fraction = (absolute % FACTOR).toString().padStart(SCALE, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}
