import type { PrismaClient } from "../../db";
import { AppError } from "../../api/app-error";
import { loadProjectNames } from "../costs/load-cost-lookups";

export interface ChatFilters {
  connectionIds: string[];
  projectIds: string[];
}

/**
 * A group code may narrow the chat to some connections/projects; each must be the organization's own (a project is
 * known from the inventory or the cost rollups), so a code can never point a chat at another tenant's data.
 */
export async function assertChatFiltersBelongToOrganization(db: PrismaClient, organizationId: string, filters: ChatFilters): Promise<ChatFilters> {
  const connectionIds = [...new Set(filters.connectionIds)];
  const projectIds = [...new Set(filters.projectIds)];
  if (connectionIds.length > 0) {
    const found = await db.cloudConnection.count({ where: { organizationId, id: { in: connectionIds } } });
    if (found !== connectionIds.length) throw new AppError("BAD_REQUEST", "telegram.errors.unknownFilter");
  }
  if (projectIds.length > 0) {
    const known = new Set((await findProjectConnections(db, organizationId, projectIds, null)).map((holder) => holder.projectId));
    if (projectIds.some((id) => !known.has(id))) throw new AppError("BAD_REQUEST", "telegram.errors.unknownFilter");
  }
  return { connectionIds, projectIds };
}

/** Filter ids → names for Settings and the bot's confirmation; an id that disappeared since shows as itself. */
export async function nameChatFilters(db: PrismaClient, organizationId: string, chats: ChatFilters[]) {
  const connectionIds = [...new Set(chats.flatMap((chat) => chat.connectionIds))];
  const wantsProjects = chats.some((chat) => chat.projectIds.length > 0);
  const [connections, projectNames] = await Promise.all([
    connectionIds.length ? db.cloudConnection.findMany({ where: { organizationId, id: { in: connectionIds } }, select: { id: true, name: true } }) : [],
    wantsProjects ? loadProjectNames(db, organizationId) : new Map<string, string>(),
  ]);
  const connectionNames = new Map(connections.map((connection) => [connection.id, connection.name]));
  return (filters: ChatFilters) => ({
    connections: filters.connectionIds.map((id) => ({ id, name: connectionNames.get(id) ?? id })),
    projects: filters.projectIds.map((id) => ({ id, name: projectNames.get(id) ?? id })),
  });
}

/**
 * Which connections hold the projects: those whose inventory has them, or that billed them in the last year (the
 * rule for every list of a project-filtered chat and its alerts): a balance is the account's, which the project lives in.
 * `billedSince: null` counts any billing: whether a project is the organization's at all, when a filter is set.
 */
export async function findProjectConnections(db: PrismaClient, organizationId: string, projectIds: string[], billedSince: Date | null = new Date(Date.now() - 366 * 86_400_000)): Promise<{ connectionId: string; projectId: string | null }[]> {
  const [inventory, billing] = await Promise.all([
    db.resource.findMany({ where: { organizationId, projectId: { in: projectIds } }, distinct: ["connectionId", "projectId"], select: { connectionId: true, projectId: true } }),
    db.costDailyRollup.findMany({ where: { organizationId, subAccountId: { in: projectIds }, ...(billedSince ? { day: { gte: billedSince } } : {}) }, distinct: ["connectionId", "subAccountId"], select: { connectionId: true, subAccountId: true } }),
  ]);
  return [...inventory, ...billing.map((row) => ({ connectionId: row.connectionId, projectId: row.subAccountId }))];
}
