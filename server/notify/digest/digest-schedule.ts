import { costClockOf } from "../../services/costs/cost-clock";
import { dayToDate } from "../../services/costs/calendar-days";

/** The digest goes out on Monday from 09:00 in the chat's timezone. */
export const DIGEST_WEEKDAY = "Mon";
export const DIGEST_HOUR = 9;

export interface LocalTime {
  day: string;
  weekday: string;
  hour: number;
}

/** The calendar day, weekday and hour in a timezone (an unknown zone falls back to Moscow, as cost queries do). */
export function localTime(timezone: string, now: Date): LocalTime {
  const zone = costClockOf({ timezone }, now).timezone;
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", weekday: "short", hour: "2-digit", hourCycle: "h23" }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? "";
  return { day: `${part("year")}-${part("month")}-${part("day")}`, weekday: part("weekday"), hour: Number(part("hour")) };
}

/** The chat's local Monday when it is Monday 09:xx there, else null (an hourly check meets each chat once a week). */
export function digestDayDue(timezone: string, now: Date): string | null {
  const local = localTime(timezone, now);
  return local.weekday === DIGEST_WEEKDAY && local.hour === DIGEST_HOUR ? local.day : null;
}

/** ISO 8601 week of a calendar day, "2026-W48": the digest's once-a-week key. */
export function isoWeekOf(day: string): string {
  const date = dayToDate(day);
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

export function digestDedupKey(day: string): string {
  return `weekly_digest:${isoWeekOf(day)}`;
}
