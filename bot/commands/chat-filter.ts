import type { TelegramChat } from "../../server/db";
import type { ChatCaller } from "../runtime/chat-caller";
import { connectionsInChatScope } from "../runtime/chat-scope";

export type ChatFilter = Pick<TelegramChat, "connectionIds" | "projectIds">;
export type ChatConnection = Awaited<ReturnType<ChatCaller["connection"]["list"]>>[number];

/**
 * The cost filters every query of a chat carries: the link's connection and project filter (empty = all), or one
 * connection the caller already checked is allowed. A filtered chat's own ids go out as they are even when some
 * were deleted: an empty list would mean "every connection".
 */
export function chatCostFilters(filter: ChatFilter, connectionId?: string) {
  return { connectionIds: connectionId ? [connectionId] : filter.connectionIds, projects: filter.projectIds };
}

/**
 * The connections a chat may name, list and see balances of: the organization's (through the chat's caller),
 * narrowed to the link's connections, and for a project filter to the connections that billed those projects in
 * the last year (a balance is the account's, which the project lives in). By name, so buttons and lists keep
 * their order.
 */
export async function allowedConnections(caller: ChatCaller, filter: ChatFilter): Promise<ChatConnection[]> {
  const [connections, billing] = await Promise.all([caller.connection.list(), filter.projectIds.length ? connectionsBillingProjects(caller, filter) : null]);
  return connectionsInChatScope(filter, connections)
    .filter((connection) => !billing || billing.has(connection.id))
    .sort((a, b) => a.name.localeCompare(b.name, "ru") || a.id.localeCompare(b.id));
}

async function connectionsBillingProjects(caller: ChatCaller, filter: ChatFilter): Promise<Set<string>> {
  const result = await caller.costExplorer.query({ range: { preset: "1y" }, granularity: "month", groupBy: "connection", filters: chatCostFilters(filter), pageSize: 500 });
  return new Set(result.rows.flatMap((row) => (row.key ? [row.key] : [])));
}
