import type { PrismaClient } from "../../db";
import { queueTelegramDeliveries } from "../queue-telegram-deliveries";
import type { TelegramAlert } from "../telegram-alert";

/**
 * Records the alerts (each cause once per chat) and returns every one of them still waiting to be sent, also
 * those an earlier attempt of the same Inngest step recorded but never handed on. Only for a sender that sends
 * one delivery id once (Inngest's event ids); the in-process sender takes queueTelegramDeliveries' new ids.
 */
export async function queuePendingDeliveries(db: PrismaClient, alerts: TelegramAlert[]): Promise<string[]> {
  if (alerts.length === 0) return [];
  await queueTelegramDeliveries(db, alerts);
  const pending = await db.telegramDelivery.findMany({
    where: { status: "pending", OR: alerts.map((alert) => ({ chatId: alert.chatId, dedupKey: alert.dedupKey })) },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return pending.map((delivery) => delivery.id);
}
