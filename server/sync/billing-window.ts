import type { BillingWindow } from "../providers/contract";

const DAY_MS = 86_400_000;

/** How much daily billing a sync asks for; a connection's first successful sync brings history. */
export const HISTORY_DAYS = { default: 90, max: 400 } as const;
/**
 * Later syncs re-read at least this many billing days (today included): charges are posted late, and on the 1st
 * of a month the month-to-date window alone would never look at yesterday again.
 */
export const MIN_RECENT_DAYS = 3;

export interface WindowRequest {
  now: Date;
  /** Minutes east of UTC where the provider's billing day starts (Selectel: Moscow, 180). */
  dayOffsetMinutes: number;
  /** Collect this many days of history (the first sync), or null for month to date (with MIN_RECENT_DAYS). */
  historyDays: number | null;
}

/** A billing window plus the provider-calendar days it covers (the labels cost rows carry). */
export interface SyncBillingWindow extends BillingWindow {
  firstDay: string;
  lastDay: string;
}

export function clampHistoryDays(days: number | null | undefined): number {
  if (!days || !Number.isFinite(days)) return HISTORY_DAYS.default;
  return Math.min(HISTORY_DAYS.max, Math.max(1, Math.floor(days)));
}

/**
 * The window of one sync, aligned to the provider's billing days so that every day in it is whole (except today,
 * which ends now): `historyDays` days ending today, or month to date but never fewer than MIN_RECENT_DAYS days.
 */
export function syncBillingWindow({ now, dayOffsetMinutes, historyDays }: WindowRequest): SyncBillingWindow {
  const offset = dayOffsetMinutes * 60_000;
  // The provider's calendar read through a shifted UTC date.
  const local = new Date(now.getTime() + offset);
  const today = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const firstLocal = historyDays !== null ? today - (clampHistoryDays(historyDays) - 1) * DAY_MS : Math.min(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1), today - (MIN_RECENT_DAYS - 1) * DAY_MS);
  const label = (time: number) => new Date(time).toISOString().slice(0, 10);
  return { start: new Date(firstLocal - offset), end: now, firstDay: label(firstLocal), lastDay: label(today) };
}

/** The provider-calendar day an instant falls on (what a daily line is labelled with when the provider gives no day). */
export function billingDayOf(instant: Date | string, dayOffsetMinutes: number): string {
  const time = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  return new Date(time + dayOffsetMinutes * 60_000).toISOString().slice(0, 10);
}
