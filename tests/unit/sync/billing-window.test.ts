import { describe, expect, it } from "vitest";
import { billingDayOf, clampHistoryDays, syncBillingWindow } from "@/server/sync/billing-window";

const MOSCOW = 180;

describe("sync billing windows", () => {
  it("starts a first sync's history on a Moscow midnight, N days ending today", () => {
    const now = new Date("2026-03-12T22:30:00Z"); // already March 13th in Moscow
    const window = syncBillingWindow({ now, dayOffsetMinutes: MOSCOW, historyDays: 180 });
    expect(window).toEqual({ start: new Date("2025-09-14T21:00:00Z"), end: now, firstDay: "2025-09-15", lastDay: "2026-03-13" });
  });

  it("re-reads month to date, but never fewer than three days across a month boundary", () => {
    const midMonth = syncBillingWindow({ now: new Date("2026-03-12T09:00:00Z"), dayOffsetMinutes: MOSCOW, historyDays: null });
    expect([midMonth.start.toISOString(), midMonth.firstDay, midMonth.lastDay]).toEqual(["2026-02-28T21:00:00.000Z", "2026-03-01", "2026-03-12"]);
    const first = syncBillingWindow({ now: new Date("2026-03-01T06:00:00Z"), dayOffsetMinutes: MOSCOW, historyDays: null });
    expect([first.firstDay, first.lastDay]).toEqual(["2026-02-27", "2026-03-01"]);
    const utc = syncBillingWindow({ now: new Date("2026-03-02T06:00:00Z"), dayOffsetMinutes: 0, historyDays: null });
    expect([utc.start.toISOString(), utc.firstDay]).toEqual(["2026-02-28T00:00:00.000Z", "2026-02-28"]);
  });

  it("defaults history to 90 days and caps it at 400", () => {
    expect([clampHistoryDays(null), clampHistoryDays(0), clampHistoryDays(30.7), clampHistoryDays(5000)]).toEqual([90, 90, 30, 400]);
    const window = syncBillingWindow({ now: new Date("2026-03-12T09:00:00Z"), dayOffsetMinutes: 0, historyDays: 5000 });
    expect(window.firstDay).toBe("2025-02-06");
  });

  it("dates an instant by the provider's calendar", () => {
    expect(billingDayOf("2026-03-12T20:59:59Z", MOSCOW)).toBe("2026-03-12");
    expect(billingDayOf("2026-03-12T21:00:00Z", MOSCOW)).toBe("2026-03-13");
    expect(billingDayOf(new Date("2026-03-12T21:00:00Z"), 0)).toBe("2026-03-12");
  });
});
