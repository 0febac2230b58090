import type { PrismaClient } from "../../db";
import { listDisabledProviderIds } from "../provider-catalog/load-provider-catalog";

export interface DueConnection {
  connectionId: string;
  organizationId: string;
  providerId: string;
  accountKey: string;
}

/** Syncs of one provider account share a throttle key, whichever organizations connected it. */
export function accountKeyOf(connection: { id: string; providerId: string; accountId: string | null }): string {
  return connection.accountId ? `${connection.providerId}:${connection.accountId}` : `connection:${connection.id}`;
}

/**
 * Connections whose scheduled sync is due at `now`: auto-sync on, not disabled, nobody syncing them (no live
 * lease), their provider not disabled platform-wide, and their own interval elapsed since the last sync — or, never synced, since they were created (a new
 * connection is synced by its owner's first "Sync now", not by the next tick). Shared by the Inngest cron
 * function and the embedded timer.
 */
export async function findDueConnections(db: PrismaClient, now: Date): Promise<DueConnection[]> {
  const disabledProviders = [...(await listDisabledProviderIds(db))];
  const candidates = await db.cloudConnection.findMany({
    where: { autoSync: true, status: { not: "disabled" }, ...(disabledProviders.length ? { providerId: { notIn: disabledProviders } } : {}), OR: [{ syncLease: { is: null } }, { syncLease: { expiresAt: { lte: now } } }] },
    select: { id: true, organizationId: true, providerId: true, accountId: true, syncIntervalMinutes: true, lastSyncAt: true, createdAt: true },
    orderBy: [{ lastSyncAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
  });
  return candidates
    .filter((connection) => connection.syncIntervalMinutes > 0 && (connection.lastSyncAt ?? connection.createdAt).getTime() + connection.syncIntervalMinutes * 60_000 <= now.getTime())
    .map((connection) => ({ connectionId: connection.id, organizationId: connection.organizationId, providerId: connection.providerId, accountKey: accountKeyOf(connection) }));
}
