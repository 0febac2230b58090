/**
 * Selectel billing reports an availability zone ("ru-3b") where inventory reports the pool ("ru-3"). Resources
 * are placed in regions, never zones, so a trailing zone letter after the pool number is dropped.
 * Names that do not look like <letters>-<number><letter> (RegionOne, eu-west-1) are kept as they are.
 */
export function normalizeRegion(region: string | null | undefined): string | null {
  const value = region?.trim();
  if (!value) return null;
  const zone = /^([a-z]+-\d+)[a-z]$/i.exec(value);
  return zone?.[1] ?? value;
}
