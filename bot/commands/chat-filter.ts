import type { TelegramChat } from "../../server/db";
import type { ChatCaller } from "../runtime/chat-caller";
import { db } from "../../server/db";
import { findProjectConnections } from "../../server/services/telegram/chat-filters";
import { connectionsInChatScope } from "../runtime/chat-scope";

export type ChatFilter = Pick<TelegramChat, "organizationId" | "connectionIds" | "projectIds">;
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
 * The connections a chat may name, list, sync and see balances of: the organization's (read through the chat's
 * caller, so a member without access gets a refusal), narrowed to the link's connections, and for a project filter
 * to the connections holding those projects (findProjectConnections, the alerts' rule too). By name, so buttons and
 * lists keep their order.
 */
export async function allowedConnections(caller: ChatCaller, filter: ChatFilter): Promise<ChatConnection[]> {
  const [connections, holders] = await Promise.all([
    caller.connection.list(),
    filter.projectIds.length ? findProjectConnections(db, filter.organizationId, filter.projectIds) : null,
  ]);
  return connectionsInChatScope(filter, connections)
    .filter((connection) => !holders || holders.some((holder) => holder.connectionId === connection.id))
    .sort((a, b) => a.name.localeCompare(b.name, "ru") || a.id.localeCompare(b.id));
}
