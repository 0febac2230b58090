import type { PrismaClient } from "../../db";
import { listProviders } from "../../providers/registry";

/** A new connection's interval when its provider has no setting yet: the CloudConnection column default. */
export const DEFAULT_SYNC_INTERVAL_MINUTES = 360;

export interface ProviderCatalogEntry {
  providerId: string;
  displayName: string;
  logo: string;
  enabled: boolean;
  displayOrder: number;
  defaultSyncIntervalMinutes: number;
  /** False while the registry's defaults apply (nobody changed this provider yet). */
  customized: boolean;
  updatedAt: Date | null;
}

type SettingsReader = Pick<PrismaClient, "providerSetting">;

/**
 * Every provider of the registry with its platform-wide settings, in display order. The registry's order (×10, so
 * an admin can slot one between two others) and the default interval apply until an admin saves a setting.
 */
export async function loadProviderCatalog(db: SettingsReader): Promise<ProviderCatalogEntry[]> {
  const settings = new Map((await db.providerSetting.findMany()).map((setting) => [setting.providerId, setting]));
  return listProviders()
    .map((plugin, index) => {
      const setting = settings.get(plugin.manifest.id);
      return {
        providerId: plugin.manifest.id,
        displayName: plugin.manifest.displayName,
        logo: plugin.manifest.logo,
        enabled: setting?.enabled ?? true,
        displayOrder: setting?.displayOrder ?? (index + 1) * 10,
        defaultSyncIntervalMinutes: setting?.defaultSyncIntervalMinutes ?? DEFAULT_SYNC_INTERVAL_MINUTES,
        customized: Boolean(setting),
        updatedAt: setting?.updatedAt ?? null,
      };
    })
    .sort((a, b) => a.displayOrder - b.displayOrder || a.displayName.localeCompare(b.displayName));
}

/** The ids of providers an admin switched off platform-wide. */
export async function listDisabledProviderIds(db: SettingsReader): Promise<Set<string>> {
  const rows = await db.providerSetting.findMany({ where: { enabled: false }, select: { providerId: true } });
  return new Set(rows.map((row) => row.providerId));
}
