import type { AccountSummary, BillingLine, BillingWindow, ProviderContext, ProviderPlugin } from "../../providers/contract";
import { ProviderError } from "../../providers/errors";
import type { ReportWindow } from "../model/unified-resource";
import { billingDayOf, syncBillingWindow } from "../billing-window";

/** A billing line as it travels between steps: dates as ISO strings (step outputs are JSON). */
export type SerializedBillingLine = Omit<BillingLine, "periodStart" | "periodEnd"> & { periodStart: string; periodEnd: string };

/**
 * The window as steps pass it on: its instants, the provider-calendar days it covers (the dates cost rows carry)
 * and where that calendar's day starts.
 */
export interface BillingPhaseWindow extends ReportWindow {
  dayOffsetMinutes: number;
}

export interface BillingPhaseOutput {
  account: AccountSummary;
  window: BillingPhaseWindow;
  currency: string;
  latestHour: { start: string; end: string; lines: SerializedBillingLine[] } | null;
  daily: SerializedBillingLine[];
}

/** Which days to collect: an explicit window, or `historyDays` of history, or month to date (at least 3 days). */
export interface BillingRequest {
  window?: BillingWindow;
  historyDays?: number | null;
}

/**
 * Step outputs are stored by the durable runner (Inngest caps them at a few MB), so the provider's raw payload
 * is kept only on the latest hour's lines, which is where unknown types take their sample from.
 */
function serializeLine(line: BillingLine, keepRaw: boolean, isoOf: (date: Date) => string): SerializedBillingLine {
  // One new object per line (tens of thousands of them): the copy without raw gets its dates replaced in place,
  // which keeps every key where it was, and raw, when kept, goes last.
  const { raw, ...rest } = line;
  const serialized = rest as unknown as SerializedBillingLine;
  serialized.periodStart = isoOf(line.periodStart);
  serialized.periodEnd = isoOf(line.periodEnd);
  if (keepRaw && raw !== undefined) serialized.raw = raw;
  return serialized;
}

/** toISOString, once per instant: tens of thousands of lines share a handful of period bounds. */
function isoStrings(): (date: Date) => string {
  const strings = new Map<number, string>();
  return (date) => {
    const time = date.getTime();
    let iso = strings.get(time);
    if (iso === undefined) {
      iso = date.toISOString();
      strings.set(time, iso);
    }
    return iso;
  };
}

/**
 * Phase 1: the account summary (balance, days left, projects) and the window's charges. The account check runs
 * first so that wrong credentials fail with the provider's auth message before any billing call.
 */
export async function collectBillingPhase(plugin: ProviderPlugin, ctx: ProviderContext, request: BillingRequest = {}): Promise<BillingPhaseOutput> {
  if (!plugin.collectBilling) {
    throw new ProviderError(`${plugin.manifest.displayName} has no billing API; the billing-first sync cannot run`, { provider: plugin.manifest.id, kind: "config" });
  }
  const account = await plugin.testConnection(ctx);
  const dayOffsetMinutes = plugin.manifest.billingDayOffsetMinutes ?? 0;
  const range = request.window ?? syncBillingWindow({ now: ctx.now(), dayOffsetMinutes, historyDays: request.historyDays ?? null });
  const snapshot = await plugin.collectBilling(ctx, { start: range.start, end: range.end });
  const isoOf = isoStrings();
  const lastInstant = new Date(Math.max(range.start.getTime(), range.end.getTime() - 1));
  return {
    account: { ...account, currency: account.currency.toUpperCase() },
    window: { start: range.start.toISOString(), end: range.end.toISOString(), firstDay: billingDayOf(range.start, dayOffsetMinutes), lastDay: billingDayOf(lastInstant, dayOffsetMinutes), dayOffsetMinutes },
    currency: (snapshot.currency || account.currency).toUpperCase(),
    latestHour: snapshot.latestHour
      ? { start: snapshot.latestHour.start.toISOString(), end: snapshot.latestHour.end.toISOString(), lines: snapshot.latestHour.lines.map((line) => serializeLine(line, true, isoOf)) }
      : null,
    daily: snapshot.daily.map((line) => serializeLine(line, false, isoOf)),
  };
}

export function countBilling(output: BillingPhaseOutput): Record<string, number> {
  return { dailyLines: output.daily.length, latestHourLines: output.latestHour?.lines.length ?? 0, projects: output.account.projects.length };
}
