import { Prisma } from "../../server/db";
import { clipName } from "../format/clip-text";
import { escapeHtml } from "../format/escape-html";
import { fitLines, headingLine, itemLine, moreLine, type ListLine } from "../format/fit-lines";
import { money, moneyTotal } from "../format/format-amounts";
import type { BotLocale } from "../i18n/bot-i18n";
import type { CommandScope, Translate } from "./command-scope";

const FLAGS = ["zombie", "orphan"] as const;
type Flag = (typeof FLAGS)[number];
/** Listed per connection at most; the rest is counted. The whole answer is also held to one Telegram message. */
const ITEMS_SHOWN = 10;

interface FlaggedItem {
  name: string;
  monthlyCost: string;
  currency: string;
}

interface FlaggedGroup {
  connectionName: string;
  count: number;
  /** Monthly cost of every flagged resource of the group (not only those shown), per currency. */
  monthly: { amount: string; currency: string }[];
  /** The costliest first. */
  items: FlaggedItem[];
}

const costliestFirst = (a: FlaggedItem, b: FlaggedItem) => new Prisma.Decimal(b.monthlyCost).comparedTo(a.monthlyCost) || a.name.localeCompare(b.name, "ru");

/**
 * The flagged resources of the chat's scope, per connection. The inventory's own filters do the work: one list per
 * project of the chat's project filter (or one for all), each the costliest first, then only the chat's
 * connections are kept. A connection's lists from several projects are merged and sorted again by cost, so the
 * items shown are its costliest over all the projects, not the first project's.
 */
async function flaggedGroups(scope: CommandScope, flag: Flag): Promise<FlaggedGroup[]> {
  const { caller, chat } = scope;
  const projects = chat.projectIds.length ? chat.projectIds : [undefined];
  const lists = await Promise.all(projects.map((project) => caller.resource.list({ flag, project, pageSize: ITEMS_SHOWN })));
  const groups = new Map<string, FlaggedGroup>();
  for (const group of lists.flatMap((list) => list.groups)) {
    if (chat.connectionIds.length && !chat.connectionIds.includes(group.connection.id)) continue;
    const merged: FlaggedGroup = groups.get(group.connection.id) ?? { connectionName: group.connection.name, count: 0, monthly: [], items: [] };
    merged.count += group.total;
    merged.monthly.push(...group.costs.map((cost) => ({ amount: cost.monthlyCost, currency: cost.currency })));
    merged.items.push(...group.items.map((item) => ({ name: item.name, monthlyCost: item.monthlyCost, currency: item.currency })));
    groups.set(group.connection.id, merged);
  }
  for (const group of groups.values()) group.items.sort(costliestFirst);
  return [...groups.values()].sort((a, b) => a.connectionName.localeCompare(b.connectionName, "ru"));
}

function section(t: Translate, locale: BotLocale, flag: Flag, groups: FlaggedGroup[]): ListLine[] {
  const lines = [headingLine(""), headingLine(t(`zombies-section-${flag}`))];
  for (const group of groups) {
    lines.push(headingLine(t("zombies-connection", { connection: escapeHtml(clipName(group.connectionName)), amount: moneyTotal(group.monthly, locale) })));
    const shown = group.items.slice(0, ITEMS_SHOWN);
    for (const item of shown) lines.push(itemLine(t("zombies-item", { name: escapeHtml(clipName(item.name)), amount: money(item.monthlyCost, locale, item.currency) })));
    const rest = group.count - shown.length;
    if (rest > 0) lines.push(moreLine(t("list-more", { count: rest }), rest));
  }
  return lines;
}

/**
 * /zombies' answer (HTML): billed-but-deleted and orphan resources with their monthly cost, per connection, and the
 * total. Within one Telegram message: what does not fit is counted in a last "…and n more" line.
 */
export async function zombiesReport(scope: CommandScope): Promise<string> {
  const { locale, t } = scope;
  const [zombies, orphans] = await Promise.all(FLAGS.map((flag) => flaggedGroups(scope, flag)));
  const byFlag: [Flag, FlaggedGroup[]][] = [["zombie", zombies!], ["orphan", orphans!]];
  if (byFlag.every(([, groups]) => groups.length === 0)) return [t("zombies-title"), t("zombies-none")].join("\n");
  const total = byFlag.flatMap(([, groups]) => groups.flatMap((group) => group.monthly));
  return fitLines({
    head: [t("zombies-title")],
    body: byFlag.flatMap(([flag, groups]) => (groups.length ? section(t, locale, flag, groups) : [])),
    tail: ["", t("zombies-total", { amount: moneyTotal(total, locale) })],
    more: (count) => t("list-more", { count }),
  });
}
