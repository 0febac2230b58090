import { describe, expect, it } from "vitest";
import { parseAlertToggle } from "@/bot/features/alerts";
import { Prisma } from "@/server/db";
import { balanceThreshold, nextBalanceEpisode } from "@/server/notify/alerts/low-balance";
import { detectSpendAnomaly, medianOf } from "@/server/notify/alerts/spend-anomaly";
import { clipText } from "@/bot/format/clip-text";
import { webLink } from "@/server/notify/alerts/web-links";
import { digestDayDue, isoWeekOf } from "@/server/notify/digest/digest-schedule";

const d = (value: string | number) => new Prisma.Decimal(value);
const amounts = (...values: number[]) => values.map(d);

describe("spend anomaly", () => {
  const history = amounts(100, 100, 100, 100, 100, 100, 100, 120, 120, 120, 120, 120, 120, 120);

  it("takes the median of an even count as the mean of the middle two, exactly", () => {
    expect(medianOf(history).toFixed(2)).toBe("110.00");
    expect(medianOf(amounts(0.01, 0.02)).toString()).toBe("0.015");
    expect(medianOf(amounts(3, 1, 2)).toString()).toBe("2");
  });

  it("is an anomaly only above 1.5 × the median", () => {
    expect(detectSpendAnomaly(history, d("165.00"))).toBeNull();
    const anomaly = detectSpendAnomaly(history, d("165.01"));
    expect(anomaly && { spend: anomaly.spend.toFixed(2), median: anomaly.median.toFixed(2), ratio: anomaly.ratio.toFixed(4) }).toEqual({ spend: "165.01", median: "110.00", ratio: "1.5001" });
  });

  it("needs 14 days of history reaching back to the first of them, and a median above zero", () => {
    expect(detectSpendAnomaly(history.slice(1), d(1000))).toBeNull();
    expect(detectSpendAnomaly([d(0), ...history.slice(1)], d(1000))).toBeNull();
    expect(detectSpendAnomaly(amounts(5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), d(1000))).toBeNull();
  });
});

describe("low balance thresholds", () => {
  it("names the lowest threshold the days left are under", () => {
    expect([null, 30, 14, 13.5, 7, 6, 3, 2, 0].map(balanceThreshold)).toEqual([null, null, null, 14, 14, 7, 7, 3, 3]);
  });

  it("opens an episode under 14 days and starts the next one after a top-up", () => {
    let state = { episode: 1, low: false };
    const seen: string[] = [];
    for (const days of [20, 13, 6, null, 2, 14, 40, 10]) {
      state = nextBalanceEpisode(state, days);
      seen.push(`${state.episode}${state.low ? "L" : ""}`);
    }
    expect(seen).toEqual(["1", "1L", "1L", "1L", "1L", "2", "2", "2L"]);
  });
});

describe("weekly digest schedule", () => {
  it("is due on Monday 09:xx in the chat's own timezone", () => {
    expect(digestDayDue("Europe/Moscow", new Date("2025-10-20T06:00:00Z"))).toBe("2025-10-20");
    expect(digestDayDue("Europe/Moscow", new Date("2025-10-20T06:59:59Z"))).toBe("2025-10-20");
    expect(digestDayDue("Europe/Moscow", new Date("2025-10-20T05:59:59Z"))).toBeNull();
    expect(digestDayDue("Europe/Moscow", new Date("2025-10-21T06:00:00Z"))).toBeNull();
    expect(digestDayDue("Asia/Vladivostok", new Date("2025-10-20T06:00:00Z"))).toBeNull();
    expect(digestDayDue("Asia/Vladivostok", new Date("2025-10-19T23:30:00Z"))).toBe("2025-10-20");
    expect(digestDayDue("Asia/Kolkata", new Date("2025-10-20T03:30:00Z"))).toBe("2025-10-20");
    // An unknown zone falls back to Moscow rather than failing every hour.
    expect(digestDayDue("Mars/Olympus", new Date("2025-10-20T06:00:00Z"))).toBe("2025-10-20");
  });

  it("keys each digest by its ISO week, across year ends", () => {
    expect(isoWeekOf("2025-10-20")).toBe("2025-W43");
    expect(isoWeekOf("2024-12-30")).toBe("2025-W01");
    expect(isoWeekOf("2021-01-04")).toBe("2021-W01");
    expect(isoWeekOf("2020-12-28")).toBe("2020-W53");
  });
});

describe("alert text helpers", () => {
  it("clips a long provider message", () => {
    expect(clipText("  short  ")).toBe("short");
    expect(clipText("x".repeat(500), 10)).toBe(`${"x".repeat(9)}…`);
    expect(clipText(" line one\n  line two ")).toBe("line one line two");
    // An emoji is two UTF-16 units: it is kept whole or dropped, never split.
    expect(clipText("ab😀cdef", 4)).toBe("ab…");
    expect(clipText("abc😀def", 6)).toBe("abc😀…");
  });

  it("builds web links with repeated filter keys and no empty values", () => {
    expect(webLink("http://app.test", "en", "/costs", { from: "2025-10-01", conn: ["a", "b"], proj: [], to: "" })).toBe("http://app.test/en/costs?from=2025-10-01&conn=a&conn=b");
  });

  it("accepts only known alert kinds from a button", () => {
    expect(parseAlertToggle("alerts:toggle:low_balance")).toBe("low_balance");
    expect(parseAlertToggle("alerts:toggle:__proto__")).toBeNull();
    expect(parseAlertToggle("alerts:toggle:low_balance:x")).toBeNull();
    expect(parseAlertToggle("other:low_balance")).toBeNull();
  });
});
