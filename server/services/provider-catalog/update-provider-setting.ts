import type { PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { listProviders } from "../../providers/registry";
import { recordAuditEvent, type RequestIdentity } from "../audit/record-audit-event";
import { loadProviderCatalog } from "./load-provider-catalog";

export interface UpdateProviderSettingInput {
  actorId: string;
  providerId: string;
  enabled: boolean;
  displayOrder: number;
  defaultSyncIntervalMinutes: number;
}

/**
 * Saves one provider's platform-wide settings. Disabling never touches existing connections or their data: they
 * stay visible, explain why they no longer sync, and resume when the provider is enabled again.
 */
export async function updateProviderSetting(db: PrismaClient, identity: RequestIdentity, input: UpdateProviderSettingInput) {
  if (!listProviders().some((plugin) => plugin.manifest.id === input.providerId)) throw new AppError("NOT_FOUND", "admin.errors.unknownProvider");
  return db.$transaction(async (tx) => {
    const before = (await loadProviderCatalog(tx)).find((entry) => entry.providerId === input.providerId)!;
    const values = { enabled: input.enabled, displayOrder: input.displayOrder, defaultSyncIntervalMinutes: input.defaultSyncIntervalMinutes, updatedById: input.actorId };
    await tx.providerSetting.upsert({ where: { providerId: input.providerId }, create: { providerId: input.providerId, ...values }, update: values });
    const changed = (["enabled", "displayOrder", "defaultSyncIntervalMinutes"] as const).filter((key) => before[key] !== input[key]);
    const affectedConnections = before.enabled !== input.enabled ? await tx.cloudConnection.count({ where: { providerId: input.providerId } }) : undefined;
    await recordAuditEvent(tx, identity, {
      action: before.enabled !== input.enabled ? (input.enabled ? "admin.provider.enable" : "admin.provider.disable") : "admin.provider.update",
      targetType: "provider",
      targetId: input.providerId,
      metadata: {
        changed: [...changed],
        before: { enabled: before.enabled, displayOrder: before.displayOrder, defaultSyncIntervalMinutes: before.defaultSyncIntervalMinutes },
        after: { enabled: input.enabled, displayOrder: input.displayOrder, defaultSyncIntervalMinutes: input.defaultSyncIntervalMinutes },
        ...(affectedConnections !== undefined ? { affectedConnections } : {}),
      },
    });
    return (await loadProviderCatalog(tx)).find((entry) => entry.providerId === input.providerId)!;
  });
}
