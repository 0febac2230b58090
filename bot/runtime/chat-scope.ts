import type { TelegramChat } from "../../server/db";

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
