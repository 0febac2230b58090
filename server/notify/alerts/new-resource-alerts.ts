import { clipName } from "../../../bot/format/clip-text";
import { escapeHtml } from "../../../bot/format/escape-html";
import { fitLines, headingLine, itemLine, moreLine, type ListLine } from "../../../bot/format/fit-lines";
import { money, moneyTotal } from "../../../bot/format/format-amounts";
import { translateBot, type BotLocale } from "../../../bot/i18n/bot-i18n";
import type { SyncCompletedData } from "../../../inngest/events";
import { Prisma, type PrismaClient } from "../../db";
import type { TelegramAlert } from "../telegram-alert";
import type { AlertChat } from "./alert-chats";
import { webLink } from "./web-links";

/** Lines per section at most; the whole alert is also held to one Telegram message (a 400 would lose it for good). */
const MAX_LINES = 15;

const NEW_RESOURCE_COLUMNS = { id: true, name: true, connectionId: true, projectId: true, monthlyCost: true, currency: true } as const satisfies Prisma.ResourceSelect;
export type NewResource = Prisma.ResourceGetPayload<{ select: typeof NEW_RESOURCE_COLUMNS }>;

export interface NewZombies {
  zombies: NewResource[];
  orphans: NewResource[];
}

/** The sync's new zombie and orphan resources (a resource that is both is listed once, as a zombie), costliest first. */
export async function loadNewZombies(db: PrismaClient, data: SyncCompletedData): Promise<NewZombies> {
  const ids = [...new Set([...data.newZombieIds, ...data.newOrphanIds])];
  if (ids.length === 0) return { zombies: [], orphans: [] };
  const rows = await db.resource.findMany({
    where: { id: { in: ids }, organizationId: data.organizationId, connectionId: data.connectionId },
    select: NEW_RESOURCE_COLUMNS,
    orderBy: [{ monthlyCost: "desc" }, { name: "asc" }, { id: "asc" }],
  });
  const zombieIds = new Set(data.newZombieIds);
  return { zombies: rows.filter((row) => zombieIds.has(row.id)), orphans: rows.filter((row) => !zombieIds.has(row.id)) };
}

function section(locale: BotLocale, heading: string, resources: NewResource[]): ListLine[] {
  if (resources.length === 0) return [];
  const lines = resources.slice(0, MAX_LINES).map((resource) =>
    itemLine(translateBot(locale, "alerts-new-zombies-line", { name: escapeHtml(clipName(resource.name)), cost: money(resource.monthlyCost.toFixed(2), locale, resource.currency) })),
  );
  const rest = resources.length - MAX_LINES;
  if (rest > 0) lines.push(moreLine(translateBot(locale, "list-more", { count: rest }), rest));
  return [headingLine(translateBot(locale, heading)), ...lines];
}

/**
 * One message per chat and sync listing the new zombie and orphan resources the chat's filter admits, each with
 * its monthly cost, and a button to the resources page filtered to them.
 */
export function newZombieAlert(appUrl: string, chat: AlertChat, connection: { id: string; name: string }, found: NewZombies, data: SyncCompletedData): TelegramAlert | null {
  const zombies = found.zombies.filter((resource) => chat.coversResource(resource));
  const orphans = found.orphans.filter((resource) => chat.coversResource(resource));
  if (zombies.length + orphans.length === 0) return null;
  const { locale } = chat;
  const text = fitLines({
    head: [translateBot(locale, "alerts-new-zombies", { connection: escapeHtml(clipName(connection.name)), count: zombies.length + orphans.length })],
    body: [...section(locale, "alerts-new-zombies-zombie-heading", zombies), ...section(locale, "alerts-new-zombies-orphan-heading", orphans)],
    tail: [translateBot(locale, "alerts-new-zombies-total", { total: moneyTotal([...zombies, ...orphans].map((resource) => ({ amount: resource.monthlyCost, currency: resource.currency })), locale) })],
    more: (count) => translateBot(locale, "list-more", { count }),
  });
  return {
    organizationId: data.organizationId,
    chatId: chat.chat.id,
    kind: "new_zombies",
    dedupKey: `new_zombies:${data.syncRunId}`,
    text,
    button: { text: translateBot(locale, "alerts-open-resources"), url: webLink(appUrl, locale, "/resources", { flag: zombies.length ? "zombie" : "orphan" }) },
  };
}
