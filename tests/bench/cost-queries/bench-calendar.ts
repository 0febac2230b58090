/**
 * Day arithmetic for the naive side, written here rather than imported from server/services/costs: the naive
 * answers check the backend's, so they must not share its period or bucket logic.
 */

const DAY_MS = 86_400_000;

export const BENCH_TIMEZONE = "Europe/Moscow";

export function todayIn(timezone: string, now: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export interface Period {
  from: string;
  to: string;
  days: number;
}

/** A preset of `days` days ending today, and the equal period before it. */
export function presetPeriod(days: number, today: string): { period: Period; previous: Period } {
  const from = addDays(today, -(days - 1));
  return { period: { from, to: today, days }, previous: { from: addDays(from, -days), to: addDays(from, -1), days } };
}

export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

export function monthBounds(today: string): { start: string; end: string } {
  const start = `${today.slice(0, 8)}01`;
  const next = new Date(Date.parse(`${start}T00:00:00Z`));
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { start, end: addDays(next.toISOString().slice(0, 10), -1) };
}

/** Bucket starts of a period: every day, every Monday, or every 1st, with the period's first day always first. */
export function bucketStarts(period: Period, granularity: "day" | "week" | "month"): string[] {
  return eachDay(period.from, period.to).filter((day, index) => {
    if (index === 0 || granularity === "day") return true;
    if (granularity === "week") return new Date(`${day}T00:00:00Z`).getUTCDay() === 1;
    return day.endsWith("-01");
  });
}
