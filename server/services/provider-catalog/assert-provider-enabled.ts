import type { PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import type { MessageKey } from "../../i18n";
import { listProviders } from "../../providers/registry";

type SettingsReader = Pick<PrismaClient, "providerSetting">;

/** Refuses work with a provider an admin disabled platform-wide, naming it in the caller's language. */
export async function assertProviderEnabled(db: SettingsReader, providerId: string, messageKey: Extract<MessageKey, "connections.errors.providerDisabled" | "connections.errors.providerDisabledSync">) {
  const setting = await db.providerSetting.findUnique({ where: { providerId }, select: { enabled: true } });
  if (setting && !setting.enabled) {
    const provider = listProviders().find((plugin) => plugin.manifest.id === providerId)?.manifest.displayName ?? providerId;
    throw new AppError("BAD_REQUEST", messageKey, { provider });
  }
}

/** The interval a new connection of this provider starts with, unless its owner chose one. */
export async function defaultSyncIntervalOf(db: SettingsReader, providerId: string): Promise<number | undefined> {
  return (await db.providerSetting.findUnique({ where: { providerId }, select: { defaultSyncIntervalMinutes: true } }))?.defaultSyncIntervalMinutes;
}
