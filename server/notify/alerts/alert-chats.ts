import { TRPCError } from "@trpc/server";
import { toBotLocale, type BotLocale } from "../../../bot/i18n/bot-i18n";
import type { OrgRole, PrismaClient, TelegramChat } from "../../db";
import type { AlertKind } from "../telegram-alert";
import { findProjectConnections } from "../../services/telegram/chat-filters";

/** A linked chat as the alert rules see it: its link, its acting member's role and its group filter. */
export interface AlertChat {
  chat: TelegramChat;
  /** The role of the member the chat acts as (a private chat's user, a group's linker). */
  role: OrgRole;
  locale: BotLocale;
  /** The chat has not muted this kind with /alerts. */
  hears(kind: AlertKind): boolean;
  /** The chat's filter admits this connection: listed (or no connection filter) and, with a project filter, owning one of the projects. */
  covers(connectionId: string): boolean;
  /** The chat's filter admits a resource of this connection and project. */
  coversResource(resource: { connectionId: string; projectId: string | null }): boolean;
}

/**
 * The organization's linked chats whose acting member still belongs to it and is not disabled (a member who left
 * hears nothing more, even before the chat is unlinked). A project filter is resolved to the connections holding
 * those projects.
 */
export async function loadAlertChats(db: PrismaClient, organizationId: string, where: { ids?: string[] } = {}): Promise<AlertChat[]> {
  const chats = await db.telegramChat.findMany({ where: { organizationId, ...(where.ids ? { id: { in: where.ids } } : {}) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  if (chats.length === 0) return [];
  const actors = [...new Set(chats.map(actingUserId))];
  const projectIds = [...new Set(chats.flatMap((chat) => chat.projectIds))];
  const [memberships, projectOwners] = await Promise.all([
    db.membership.findMany({ where: { organizationId, userId: { in: actors }, user: { disabledAt: null } }, select: { userId: true, role: true } }),
    projectIds.length ? findProjectConnections(db, organizationId, projectIds) : Promise.resolve([]),
  ]);
  const roles = new Map(memberships.map((membership) => [membership.userId, membership.role]));
  return chats.flatMap((chat): AlertChat[] => {
    const role = roles.get(actingUserId(chat));
    if (!role) return [];
    const inConnections = (connectionId: string) => chat.connectionIds.length === 0 || chat.connectionIds.includes(connectionId);
    const inProjects = (projectId: string | null) => chat.projectIds.length === 0 || (projectId !== null && chat.projectIds.includes(projectId));
    return [
      {
        chat,
        role,
        locale: toBotLocale(chat.locale),
        hears: (kind) => !chat.mutedAlerts.includes(kind),
        covers: (connectionId) => inConnections(connectionId) && (chat.projectIds.length === 0 || projectOwners.some((owner) => owner.connectionId === connectionId && inProjects(owner.projectId))),
        coversResource: (resource) => inConnections(resource.connectionId) && inProjects(resource.projectId),
      },
    ];
  });
}

function actingUserId(chat: Pick<TelegramChat, "userId" | "linkedById">): string {
  return chat.userId ?? chat.linkedById;
}

/**
 * A read through the chat's tRPC caller; null when the chat's member lost the permission meanwhile (the alert is
 * skipped for that chat, the others still get theirs).
 */
export async function readAsChat<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "FORBIDDEN" || error.code === "UNAUTHORIZED")) return null;
    throw error;
  }
}
