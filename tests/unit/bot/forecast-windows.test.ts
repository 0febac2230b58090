import { describe, expect, it } from "vitest";
import { Prisma } from "@/server/db";
import { forecastWindows, projectMonthEnd } from "@/server/services/dashboard/project-month-end";

describe("the month-end forecast rule", () => {
  it("reads the month's complete days and the 7 before today", () => {
    expect(forecastWindows("2025-10-15")).toEqual({ monthStart: "2025-10-01", monthEnd: "2025-10-31", completeDays: { from: "2025-10-01", to: "2025-10-14" }, base: { from: "2025-10-08", to: "2025-10-14" }, daysLeft: 17 });
  });

  it("has no complete day on the 1st and reaches into the previous month for the pace", () => {
    expect(forecastWindows("2024-03-01")).toEqual({ monthStart: "2024-03-01", monthEnd: "2024-03-31", completeDays: null, base: { from: "2024-02-23", to: "2024-02-29" }, daysLeft: 31 });
  });

  it("adds the base days' average for every day left, today included", () => {
    const forecast = projectMonthEnd({ completeDays: new Prisma.Decimal("212.53"), base: new Prisma.Decimal("152.53"), daysLeft: 17, hasData: true });
    expect(forecast?.toFixed(2, Prisma.Decimal.ROUND_HALF_UP)).toBe("582.96");
    expect(projectMonthEnd({ completeDays: new Prisma.Decimal(0), base: new Prisma.Decimal(0), daysLeft: 17, hasData: false })).toBeNull();
  });
});
