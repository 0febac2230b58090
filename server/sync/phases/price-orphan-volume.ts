/**
 * List prices of network volumes, roubles per GB per month (Selectel, VAT included), in kopecks. Used only for
 * volumes the inventory shows but billing does not charge yet, so that an unattached disk still shows its cost.
 */
export const VOLUME_TIER_PRICES = {
  hdd_basic: { label: "HDD basic", kopecksPerGbMonth: 728 },
  ssd_basic: { label: "SSD basic", kopecksPerGbMonth: 899 },
  ssd_universal: { label: "SSD universal", kopecksPerGbMonth: 1855 },
  ssd_fast: { label: "SSD NVMe fast", kopecksPerGbMonth: 3918 },
} as const;

export type VolumeTier = keyof typeof VOLUME_TIER_PRICES;

/**
 * The tier of a Cinder volume type. Selectel names types <tier>.<zone> ("universal.ru-3b", "fast.ru-8a",
 * "basic.ru-3b") and keeps HDD apart ("basic_hdd…"); "basic" alone is the basic SSD. Ultra is priced as fast
 * (both NVMe; ultra has no list price here). Unknown types return null: better no price than a wrong one.
 */
export function volumeTierOf(volumeType: string | null | undefined): VolumeTier | null {
  const name = (volumeType ?? "").toLowerCase().split(".")[0] ?? "";
  if (!name) return null;
  if (name.includes("hdd")) return "hdd_basic";
  if (name.includes("fast") || name.includes("nvme") || name.includes("ultra")) return "ssd_fast";
  if (name.includes("universal")) return "ssd_universal";
  if (name.includes("basic") || name.includes("ssd")) return "ssd_basic";
  return null;
}

export interface OrphanVolumePrice {
  tier: VolumeTier;
  label: string;
  kopecksPerGbMonth: number;
  /** size × rate, rounded to the kopeck (half-up); exact for whole GB. */
  monthlyMinor: number;
}

export function priceOrphanVolume(sizeGb: number, volumeType: string | null | undefined): OrphanVolumePrice | null {
  const tier = volumeTierOf(volumeType);
  if (!tier || !(sizeGb >= 0)) return null;
  const { label, kopecksPerGbMonth } = VOLUME_TIER_PRICES[tier];
  return { tier, label, kopecksPerGbMonth, monthlyMinor: Math.round(sizeGb * kopecksPerGbMonth) };
}
