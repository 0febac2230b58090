import type { CostPeriod } from "./cost-periods";

/** Period words /cost understands, in both languages. */
const PERIOD_WORDS: Record<string, CostPeriod> = {
  today: "today",
  day: "today",
  сегодня: "today",
  день: "today",
  week: "week",
  неделя: "week",
  month: "month",
  месяц: "month",
};

export interface CostArgs {
  period: CostPeriod | null;
  /** The rest of the text: a connection name to look up, or null. */
  connection: string | null;
}

/**
 * "/cost [period] [connection]" in either order: a period word first or last, everything else is the connection's
 * name (which may contain spaces). A name that is itself a period word is read as the period.
 */
export function parseCostArgs(raw: string): CostArgs {
  const text = raw.trim();
  if (!text) return { period: null, connection: null };
  const first = /^(\S+)\s*([\s\S]*)$/.exec(text)!;
  const firstPeriod = PERIOD_WORDS[first[1]!.toLocaleLowerCase("ru")];
  if (firstPeriod) return { period: firstPeriod, connection: first[2]!.trim() || null };
  const last = /^([\s\S]*?)\s*(\S+)$/.exec(text)!;
  const lastPeriod = PERIOD_WORDS[last[2]!.toLocaleLowerCase("ru")];
  if (lastPeriod) return { period: lastPeriod, connection: last[1]!.trim() || null };
  return { period: null, connection: text };
}
