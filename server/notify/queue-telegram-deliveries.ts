import type { PrismaClient } from "../db";
import type { TelegramAlert } from "./telegram-alert";

/**
 * Records the alerts as pending deliveries and returns the ids of the new ones. A cause already recorded for a
 * chat (same dedupKey) is skipped by the unique index, also when two evaluations race.
 */
export async function queueTelegramDeliveries(db: PrismaClient, alerts: TelegramAlert[]): Promise<string[]> {
  if (alerts.length === 0) return [];
  const created = await db.telegramDelivery.createManyAndReturn({
    data: alerts.map((alert) => ({
      organizationId: alert.organizationId,
      chatId: alert.chatId,
      kind: alert.kind,
      dedupKey: alert.dedupKey,
      text: alert.text,
      buttonText: alert.button?.text ?? null,
      buttonUrl: alert.button?.url ?? null,
    })),
    skipDuplicates: true,
    select: { id: true },
  });
  return created.map((row) => row.id);
}
