import type { BillingLine, BillingSnapshot, BillingWindow } from "../contract";
import { accountHeaders } from "./account-auth";
import { billingLineFromRow } from "./billing-line-from-row";
import type { ConsumptionRow } from "./consumption-api";
import { fetchConsumption } from "./consumption-api";
import { HOUR_MS, floorToHour, fromMoscowNaive, toMoscowNaive } from "./moscow-clock";
import type { SelectelContext } from "./selectel-credentials";

const DAY_MS = 24 * HOUR_MS;

/**
 * Two consumption queries, run together: the latest complete hour (each object's current hourly rate) and the
 * window by day (cost rows and period totals). Days are Moscow calendar days, as Selectel buckets them;
 * each line's periodStart/periodEnd are the exact UTC instants of its bucket, clipped to the window.
 */
export async function collectSelectelBilling(ctx: SelectelContext, window: BillingWindow): Promise<BillingSnapshot> {
  const headers = await accountHeaders(ctx);
  const hourEnd = floorToHour(new Date(Math.min(ctx.now().getTime(), window.end.getTime())));
  const hourStart = new Date(hourEnd.getTime() - HOUR_MS);
  const hasCompleteHour = hourStart.getTime() >= window.start.getTime();

  const [hourRows, dayRows] = await Promise.all([
    hasCompleteHour ? fetchConsumption(ctx, headers, { start: hourStart, end: hourEnd, periodGroupType: "hour" }) : Promise.resolve(null),
    window.end > window.start ? fetchConsumption(ctx, headers, { start: window.start, end: window.end, periodGroupType: "day" }) : Promise.resolve([]),
  ]);

  const latestHour = hourRows ? { start: hourStart, end: hourEnd, lines: hourLines(hourRows, hourStart, hourEnd) } : null;
  const daily = dailyLines(ctx, dayRows, window);
  ctx.log.debug({ latestHourLines: latestHour?.lines.length ?? 0, dailyLines: daily.length }, "selectel billing collected");
  return { currency: "RUB", window, latestHour, daily };
}

function hourLines(rows: ConsumptionRow[], start: Date, end: Date): BillingLine[] {
  // The end bound is inclusive on Selectel's side; keep only the hour we asked for.
  const stamp = toMoscowNaive(start);
  const lines: BillingLine[] = [];
  for (const row of rows) {
    if (row.period !== stamp) continue;
    const line = billingLineFromRow(row, { start, end });
    if (line) lines.push(line);
  }
  return lines;
}

function dailyLines(ctx: SelectelContext, rows: ConsumptionRow[], window: BillingWindow): BillingLine[] {
  const lines: BillingLine[] = [];
  let skipped = 0;
  // Tens of thousands of rows share a handful of day stamps: parse each stamp once.
  const bucketStarts = new Map<string, number | null>();
  const bucketStart = (period: string) => {
    let time = bucketStarts.get(period);
    if (time === undefined) {
      time = fromMoscowNaive(period)?.getTime() ?? null;
      bucketStarts.set(period, time);
    }
    return time;
  };
  for (const row of rows) {
    const bucket = typeof row.period === "string" ? bucketStart(row.period) : null;
    if (bucket === null) {
      skipped += 1;
      continue;
    }
    const start = new Date(Math.max(bucket, window.start.getTime()));
    const end = new Date(Math.min(bucket + DAY_MS, window.end.getTime()));
    const line = end > start ? billingLineFromRow(row, { start, end }) : null;
    if (line) lines.push(line);
    else skipped += 1;
  }
  if (skipped) ctx.log.warn({ skipped }, "selectel billing rows without an object or a usable period were skipped");
  return lines;
}
