import { describe, expect, it } from "vitest";
import { hourlyMeans, ramPercent, storedPercent } from "@/server/sync/usage/hourly-usage";
import { USAGE_BACKFILL_DAYS, usageEnd, usageStart } from "@/server/sync/usage/usage-window";

const at = (iso: string) => Date.parse(iso);

describe("hourly downsampling of usage samples", () => {
  it("averages the 5-minute samples of each UTC hour, whatever order they come in", () => {
    const samples: [number, number][] = [
      [at("2025-10-05T09:55:00Z"), 30],
      [at("2025-10-05T09:00:00Z"), 10],
      [at("2025-10-05T09:05:00Z"), 20],
      [at("2025-10-05T10:00:00Z"), 7],
    ];
    expect(hourlyMeans(samples)).toEqual([
      { hour: new Date("2025-10-05T09:00:00Z"), value: 20 },
      { hour: new Date("2025-10-05T10:00:00Z"), value: 7 },
    ]);
  });

  it("leaves hours without samples out (a stopped VM is a gap, not a zero) and averages a partial hour over what ran", () => {
    const samples: [number, number][] = [
      [at("2025-10-05T08:50:00Z"), 40],
      [at("2025-10-05T08:55:00Z"), 50],
      [at("2025-10-05T11:00:00Z"), 5],
    ];
    expect(hourlyMeans(samples).map((point) => [point.hour.toISOString(), point.value])).toEqual([
      ["2025-10-05T08:00:00.000Z", 45],
      ["2025-10-05T11:00:00.000Z", 5],
    ]);
    expect(hourlyMeans([])).toEqual([]);
  });

  it("stores percentages clipped to 0–100 at 0.01, and memory as a percent of the flavor's RAM only when that is known", () => {
    expect(storedPercent(12.3456)).toBe(12.35);
    expect(storedPercent(101.2)).toBe(100);
    expect(storedPercent(-0.4)).toBe(0);
    expect(ramPercent(1536, 2048)).toBe(75);
    expect(ramPercent(2100, 2048)).toBe(100);
    expect(ramPercent(512, null)).toBeNull();
    expect(ramPercent(512, 0)).toBeNull();
  });
});

describe("usage windows", () => {
  it("ends at the last whole hour that ended at least five minutes ago", () => {
    expect(usageEnd(new Date("2025-10-05T10:30:00Z")).toISOString()).toBe("2025-10-05T10:00:00.000Z");
    expect(usageEnd(new Date("2025-10-05T10:04:59Z")).toISOString()).toBe("2025-10-05T09:00:00.000Z");
    expect(usageEnd(new Date("2025-10-05T10:05:00Z")).toISOString()).toBe("2025-10-05T10:00:00.000Z");
  });

  it("starts after the last stored hour, a week back the first time, and never more than a week back", () => {
    const end = new Date("2025-10-05T10:00:00Z");
    expect(USAGE_BACKFILL_DAYS).toBe(7);
    expect(usageStart(null, end).toISOString()).toBe("2025-09-28T10:00:00.000Z");
    expect(usageStart(new Date("2025-10-05T08:00:00Z"), end).toISOString()).toBe("2025-10-05T09:00:00.000Z");
    expect(usageStart(new Date("2025-10-05T09:00:00Z"), end).toISOString()).toBe(end.toISOString());
    expect(usageStart(new Date("2025-08-01T00:00:00Z"), end).toISOString()).toBe("2025-09-28T10:00:00.000Z");
  });
});
