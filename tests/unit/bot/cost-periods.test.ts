import { describe, expect, it } from "vitest";
import { costPeriodRanges } from "@/bot/commands/cost-periods";

describe("costPeriodRanges", () => {
  it("compares today with yesterday, across a month boundary too", () => {
    expect(costPeriodRanges("today", "2025-10-15")).toEqual({ current: { from: "2025-10-15", to: "2025-10-15" }, previous: { from: "2025-10-14", to: "2025-10-14" } });
    expect(costPeriodRanges("today", "2025-03-01")).toEqual({ current: { from: "2025-03-01", to: "2025-03-01" }, previous: { from: "2025-02-28", to: "2025-02-28" } });
  });

  it("compares the last 7 days including today with the 7 before", () => {
    expect(costPeriodRanges("week", "2025-10-15")).toEqual({ current: { from: "2025-10-09", to: "2025-10-15" }, previous: { from: "2025-10-02", to: "2025-10-08" } });
    expect(costPeriodRanges("week", "2025-01-03")).toEqual({ current: { from: "2024-12-28", to: "2025-01-03" }, previous: { from: "2024-12-21", to: "2024-12-27" } });
  });

  it("compares month to date with as many days from the start of the previous month", () => {
    expect(costPeriodRanges("month", "2025-10-15")).toEqual({ current: { from: "2025-10-01", to: "2025-10-15" }, previous: { from: "2025-09-01", to: "2025-09-15" } });
    expect(costPeriodRanges("month", "2025-10-01")).toEqual({ current: { from: "2025-10-01", to: "2025-10-01" }, previous: { from: "2025-09-01", to: "2025-09-01" } });
    expect(costPeriodRanges("month", "2026-01-20")).toEqual({ current: { from: "2026-01-01", to: "2026-01-20" }, previous: { from: "2025-12-01", to: "2025-12-20" } });
  });

  it("stops at the end of a shorter previous month", () => {
    expect(costPeriodRanges("month", "2025-03-31").previous).toEqual({ from: "2025-02-01", to: "2025-02-28" });
    expect(costPeriodRanges("month", "2024-03-30").previous).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(costPeriodRanges("month", "2025-05-31").previous).toEqual({ from: "2025-04-01", to: "2025-04-30" });
  });
});
