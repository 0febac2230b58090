import { createCaller } from "../../server/api/root";
import { createTRPCContext } from "../../server/api/trpc";
import type { TelegramChat } from "../../server/db";

/**
 * A tRPC caller for a linked chat: the same procedures, middleware and permission checks as the web app. A private
 * chat acts as its user, a group as the member who linked it; both are pinned to the chat's organization, so a
 * member who left (or lost the permission) gets a refusal, not another org's numbers.
 */
export function callerForChat(chat: Pick<TelegramChat, "userId" | "linkedById" | "organizationId" | "locale">) {
  const headers = new Headers({ "x-locale": chat.locale, "user-agent": "infrazen-telegram-bot" });
  return createCaller(createTRPCContext({ headers, session: { userId: chat.userId ?? chat.linkedById }, organizationId: chat.organizationId }));
}

export type ChatCaller = ReturnType<typeof callerForChat>;
