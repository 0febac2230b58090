import type { PrismaClient } from "../../db";
import { nameChatFilters } from "./chat-filters";

/**
 * Settings' view of the links in the active organization: the caller's own private chats (nobody else's) and the
 * organization's group chats with their filters and who linked them.
 */
export async function listTelegramLinks(db: PrismaClient, input: { organizationId: string; userId: string }) {
  const [privateChats, groups] = await Promise.all([
    db.telegramChat.findMany({
      where: { organizationId: input.organizationId, kind: "private", userId: input.userId },
      select: { id: true, title: true, locale: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
    db.telegramChat.findMany({
      where: { organizationId: input.organizationId, kind: "group" },
      select: { id: true, title: true, connectionIds: true, projectIds: true, createdAt: true, linkedBy: { select: { id: true, name: true, email: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const names = await nameChatFilters(db, input.organizationId, groups);
  return {
    privateChats,
    groups: groups.map(({ connectionIds, projectIds, ...group }) => ({ ...group, ...names({ connectionIds, projectIds }) })),
  };
}
