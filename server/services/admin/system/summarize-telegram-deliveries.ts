import type { PrismaClient } from "../../../db";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Linked chats, the last 24 hours of pushed messages by status, and the latest failure with Telegram's reason. */
export async function summarizeTelegramDeliveries(db: PrismaClient, now: Date = new Date()) {
  const since = new Date(now.getTime() - DAY_MS);
  const [chats, byStatus, lastFailure] = await Promise.all([
    db.telegramChat.count(),
    db.telegramDelivery.groupBy({ by: ["status"], where: { createdAt: { gte: since } }, _count: { _all: true } }),
    db.telegramDelivery.findFirst({ where: { status: "failed" }, orderBy: { createdAt: "desc" }, select: { kind: true, error: true, createdAt: true } }),
  ]);
  const count = (status: string) => byStatus.find((group) => group.status === status)?._count._all ?? 0;
  return { chats, last24h: { sent: count("sent"), pending: count("pending"), failed: count("failed") }, lastFailure };
}
