/** Calendar-day arithmetic on "YYYY-MM-DD" strings through UTC midnights, so no local timezone leaks in. */

const DAY_MS = 86_400_000;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day's UTC midnight, or null for anything but a real "YYYY-MM-DD" (an explorer answer parses a few hundred days: no ISO round trip). */
export function parseDay(day: string): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const parsed = new Date(0);
  parsed.setUTCFullYear(year, month, date);
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month && parsed.getUTCDate() === date ? parsed : null;
}

export function dayToDate(day: string): Date {
  const date = parseDay(day);
  if (!date) throw new RangeError(`Not a calendar day: ${day}`);
  return date;
}

export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return formatDay(new Date(dayToDate(day).getTime() + days * DAY_MS));
}

/** Inclusive count of days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayToDate(to).getTime() - dayToDate(from).getTime()) / DAY_MS) + 1;
}

/** One formatter per timezone: building one costs more than a cost query's own JavaScript. */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** Today's calendar date where the user lives: a Vladivostok user's day starts 7 hours before Moscow's. */
export function todayIn(timezone: string, now: Date): string {
  let formatter = dayFormatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormatters.set(timezone, formatter);
  }
  const parts = formatter.formatToParts(now);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

export function monthStartOf(day: string): string {
  return `${day.slice(0, 8)}01`;
}

export function monthEndOf(day: string): string {
  const date = dayToDate(monthStartOf(day));
  return formatDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)));
}

/** ISO week start (Monday). */
export function weekStartOf(day: string): string {
  const weekday = dayToDate(day).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** Every day from `from` to `to` inclusive. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}
