import { escapeHtml } from "../format/escape-html";
import type { ChatConnection, ChatFilter } from "./chat-filter";
import type { Translate } from "./command-scope";

/**
 * What an answer covers, as HTML: the picked connection, else the chat's filter (its connections by name, its
 * projects by id) or every connection.
 */
export function scopeLabel(t: Translate, filter: ChatFilter, connections: readonly ChatConnection[], picked: ChatConnection | null = null): string {
  let label = t("cost-scope-all");
  if (picked) label = escapeHtml(picked.name);
  else if (filter.connectionIds.length) label = connections.length ? connections.map((connection) => escapeHtml(connection.name)).join(", ") : t("cost-scope-none");
  if (filter.projectIds.length) label += ` · ${t("cost-scope-projects", { projects: filter.projectIds.map(escapeHtml).join(", ") })}`;
  return label;
}
