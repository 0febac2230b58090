import type { OrgRole, PrismaClient } from "../../db";
import { loadAlertChats } from "../alerts/alert-chats";
import { digestDayDue, digestDedupKey } from "./digest-schedule";

/** The digest is for executives: groups, and private chats whose member reads the money side of the organization. */
const DIGEST_ROLES: readonly OrgRole[] = ["owner", "admin", "finance"];
export function receivesDigest(chat: { kind: "private" | "group" }, role: OrgRole): boolean {
  return chat.kind === "group" || DIGEST_ROLES.includes(role);
}

export interface DueDigest {
  chatId: string;
  organizationId: string;
  /** The chat's local Monday the digest is for. */
  day: string;
}

/**
 * The chats whose Monday 09:xx it is now and that have no digest for this week yet: group chats, and private
 * chats of owners, admins and finance members; a chat that muted the digest is left out.
 */
export async function findDueDigestChats(db: PrismaClient, now: Date): Promise<DueDigest[]> {
  const candidates = await db.telegramChat.findMany({ where: { NOT: { mutedAlerts: { has: "weekly_digest" } } }, select: { id: true, organizationId: true, timezone: true } });
  const due = candidates.flatMap((chat) => {
    const day = digestDayDue(chat.timezone, now);
    return day ? [{ chatId: chat.id, organizationId: chat.organizationId, day }] : [];
  });
  if (due.length === 0) return [];

  const eligible = new Set<string>();
  for (const organizationId of new Set(due.map((item) => item.organizationId))) {
    const chats = await loadAlertChats(db, organizationId, { ids: due.filter((item) => item.organizationId === organizationId).map((item) => item.chatId) });
    for (const chat of chats) if (receivesDigest(chat.chat, chat.role)) eligible.add(chat.chat.id);
  }
  const waiting = due.filter((item) => eligible.has(item.chatId));
  if (waiting.length === 0) return [];
  const sent = await db.telegramDelivery.findMany({ where: { OR: waiting.map((item) => ({ chatId: item.chatId, dedupKey: digestDedupKey(item.day) })) }, select: { chatId: true } });
  const done = new Set(sent.map((delivery) => delivery.chatId));
  return waiting.filter((item) => !done.has(item.chatId));
}
