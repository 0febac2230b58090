/** Kopecks (integer) → roubles as an exact decimal string: 1543217 → "15432.17", -5 → "-0.05". */
export function formatKopecks(kopecks: number): string {
  if (!Number.isSafeInteger(kopecks)) throw new RangeError(`Not a whole number of kopecks: ${kopecks}`);
  const negative = kopecks < 0;
  const digits = String(Math.abs(kopecks)).padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
