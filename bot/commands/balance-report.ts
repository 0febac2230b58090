import { escapeHtml } from "../format/escape-html";
import { money } from "../format/format-amounts";
import { allowedConnections, type ChatConnection } from "./chat-filter";
import type { CommandScope } from "./command-scope";

/** A mark that grows louder as suspension nears: under 30, 14 and 7 days. */
export function suspensionMark(daysLeft: number | null): string {
  if (daysLeft === null || daysLeft >= 30) return "";
  if (daysLeft < 7) return "🚨 ";
  if (daysLeft < 14) return "❗ ";
  return "⚠️ ";
}

/** Most urgent first; connections without a known horizon keep their order after them. */
function byUrgency(a: ChatConnection, b: ChatConnection): number {
  if (a.daysLeft === null || b.daysLeft === null) return a.daysLeft === null ? (b.daysLeft === null ? 0 : 1) : -1;
  return a.daysLeft - b.daysLeft;
}

/** /balance's answer (HTML): each allowed connection's provider, balance and days until suspension. */
export async function balanceReport(scope: CommandScope): Promise<string> {
  const { caller, chat, locale, t } = scope;
  const connections = await allowedConnections(caller, chat);
  if (connections.length === 0) return [t("balance-title"), t("balance-no-connections")].join("\n");
  const lines = [...connections].sort(byUrgency).map((connection) => {
    const name = { name: escapeHtml(connection.name), provider: escapeHtml(connection.providerName) };
    if (connection.balance === null) return t("balance-line-unknown", name);
    const amount = money(connection.balance, locale, connection.balanceCurrency);
    if (connection.daysLeft === null) return t("balance-line-no-days", { ...name, amount });
    return t("balance-line", { ...name, amount, days: connection.daysLeft, mark: suspensionMark(connection.daysLeft) });
  });
  return [t("balance-title"), ...lines].join("\n");
}
