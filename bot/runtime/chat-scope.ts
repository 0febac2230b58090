import type { PrismaClient, TelegramChat } from "../../server/db";

/** The connections a chat may see: all of the org's, or only those its link was limited to. */
export function connectionsInChatScope<T extends { id: string }>(chat: Pick<TelegramChat, "connectionIds">, connections: T[]): T[] {
  return chat.connectionIds.length === 0 ? connections : connections.filter((connection) => chat.connectionIds.includes(connection.id));
}

/** A connection named in a command: an exact (case-insensitive) name first, else the only one containing the text. */
export function findConnectionByName<T extends { name: string }>(connections: T[], text: string): T | null {
  const wanted = text.trim().toLocaleLowerCase("ru");
  if (!wanted) return null;
  const exact = connections.find((connection) => connection.name.toLocaleLowerCase("ru") === wanted);
  if (exact) return exact;
  const partial = connections.filter((connection) => connection.name.toLocaleLowerCase("ru").includes(wanted));
  return partial.length === 1 ? partial[0]! : null;
}

/**
 * Which connections hold the projects: those whose inventory has them, or that billed them in the last year (the
 * rule for every list of a project-filtered chat and its alerts): a balance is the account's, which the project lives in.
 */
export async function findProjectConnections(db: PrismaClient, organizationId: string, projectIds: string[]): Promise<{ connectionId: string; projectId: string | null }[]> {
  const yearAgo = new Date(Date.now() - 366 * 86_400_000);
  const [inventory, billing] = await Promise.all([
    db.resource.findMany({ where: { organizationId, projectId: { in: projectIds } }, distinct: ["connectionId", "projectId"], select: { connectionId: true, projectId: true } }),
    db.costDailyRollup.findMany({ where: { organizationId, subAccountId: { in: projectIds }, day: { gte: yearAgo } }, distinct: ["connectionId", "subAccountId"], select: { connectionId: true, subAccountId: true } }),
  ]);
  return [...inventory, ...billing.map((row) => ({ connectionId: row.connectionId, projectId: row.subAccountId }))];
}
