import type { CostClock } from "./resolve-period";

export const DEFAULT_TIMEZONE = "Europe/Moscow";

/** "Today" for cost queries is the user's calendar day; an unknown stored zone falls back rather than failing. */
export function costClockOf(user: { timezone: string | null }, now = new Date()): CostClock {
  const timezone = user.timezone || DEFAULT_TIMEZONE;
  try {
    new Intl.DateTimeFormat("en", { timeZone: timezone });
    return { timezone, now };
  } catch {
    return { timezone: DEFAULT_TIMEZONE, now };
  }
}
