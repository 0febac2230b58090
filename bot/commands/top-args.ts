export const TOP_DEFAULT = 10;
export const TOP_MAX = 25;

/** "/top [n]": n from 1, capped at TOP_MAX; null when the argument is not a positive whole number. */
export function parseTopCount(raw: string): number | null {
  const text = raw.trim();
  if (!text) return TOP_DEFAULT;
  if (!/^\d{1,6}$/.test(text)) return null;
  const count = Number(text);
  return count >= 1 ? Math.min(count, TOP_MAX) : null;
}
