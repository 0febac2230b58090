import { describe, expect, it } from "vitest";
import { costFigures, divideRoundHalfUp, kopecksToRubles, parseScaled, sumDecimals } from "@/server/sync/model/money";
import { priceOrphanVolume, volumeTierOf } from "@/server/sync/phases/price-orphan-volume";

describe("cost math (kopecks → roubles, half-up)", () => {
  it("hourly basis: daily = × 24, monthly = × 720, exact", () => {
    expect(costFigures({ kind: "hourly", minor: 1234 })).toEqual({ hourly: "12.340000", daily: "296.1600", monthly: "8884.80" });
    expect(costFigures({ kind: "hourly", minor: 1 })).toEqual({ hourly: "0.010000", daily: "0.2400", monthly: "7.20" });
    expect(costFigures({ kind: "hourly", minor: 0 })).toEqual({ hourly: "0.000000", daily: "0.0000", monthly: "0.00" });
  });

  it("daily basis (no hourly data): hourly = ÷ 24 rounded to 6 places, monthly = × 30", () => {
    // 100 kopecks a day: 1/24 ₽ = 0.041666… → 0.041667
    expect(costFigures({ kind: "daily", minor: 100 })).toEqual({ hourly: "0.041667", daily: "1.0000", monthly: "30.00" });
  });

  it("monthly basis (list price): hourly ÷ 720 and daily ÷ 30, rounded half-up", () => {
    // 1855.00 ₽/month: 2.5763888… → 2.576389 per hour, 61.8333… → 61.8333 per day
    expect(costFigures({ kind: "monthly", minor: 185_500 })).toEqual({ hourly: "2.576389", daily: "61.8333", monthly: "1855.00" });
    // 0.05 ₽/month ÷ 720 = 0.0000694… → 0.000069
    expect(costFigures({ kind: "monthly", minor: 5 }).hourly).toBe("0.000069");
  });

  it("rounds halves away from zero, also for credits", () => {
    expect(divideRoundHalfUp(5n, 2n)).toBe(3n);
    expect(divideRoundHalfUp(-5n, 2n)).toBe(-3n);
    expect(divideRoundHalfUp(7n, 3n)).toBe(2n);
    // 1 kopeck a month ÷ 30 = 0.000333… ₽ → 0.0003
    expect(costFigures({ kind: "monthly", minor: 1 }).daily).toBe("0.0003");
    expect(costFigures({ kind: "daily", minor: -1 })).toEqual({ hourly: "-0.000417", daily: "-0.0100", monthly: "-0.30" });
  });

  it("formats and sums decimal strings exactly", () => {
    expect(kopecksToRubles(12345)).toBe("123.45");
    expect(kopecksToRubles(5)).toBe("0.05");
    expect(kopecksToRubles(-250)).toBe("-2.50");
    expect(parseScaled("1.005", 2)).toBe(101n);
    expect(parseScaled("-0.125", 2)).toBe(-13n);
    expect(sumDecimals(["0.10", "0.20", "1855.00"], 2)).toBe("1855.30");
    expect(() => parseScaled("abc", 2)).toThrow();
  });
});

describe("orphan volume tier pricing", () => {
  it.each([
    ["basic_hdd.ru-3b", "hdd_basic"],
    ["basic_hdd", "hdd_basic"],
    ["basic.ru-3b", "ssd_basic"],
    ["basicssd.ru-9a", "ssd_basic"],
    ["universal.ru-3b", "ssd_universal"],
    ["universal2.ru-9a", "ssd_universal"],
    ["fast.ru-8a", "ssd_fast"],
    ["FAST.RU-1A", "ssd_fast"],
    ["ultra.ru-3a", "ssd_fast"],
    ["lvmdriver-1", null],
    [null, null],
  ])("%s → %s", (volumeType, tier) => {
    expect(volumeTierOf(volumeType)).toBe(tier);
  });

  it.each([
    [100, "basic_hdd.ru-3b", 72_800, "728.00"],
    [100, "basic.ru-3b", 89_900, "899.00"],
    [100, "universal.ru-3b", 185_500, "1855.00"],
    [100, "fast.ru-8a", 391_800, "3918.00"],
    [15, "fast.ru-8a", 58_770, "587.70"],
    [7, "basic_hdd", 5_096, "50.96"],
    [33, "universal.ru-3b", 61_215, "612.15"],
  ])("%i GB of %s = %i kopecks a month", (sizeGb, volumeType, minor, rubles) => {
    const price = priceOrphanVolume(sizeGb, volumeType);
    expect(price?.monthlyMinor).toBe(minor);
    expect(costFigures({ kind: "monthly", minor: price!.monthlyMinor }).monthly).toBe(rubles);
  });

  it("does not guess a price for an unknown type", () => {
    expect(priceOrphanVolume(100, "mystery")).toBeNull();
  });
});
