import { describe, expect, it } from "vitest";
import { addDays, daysBetween, parseDay } from "@/server/services/costs/calendar-days";

describe("calendar days", () => {
  it("parses real YYYY-MM-DD days to their UTC midnight, leap days included", () => {
    expect(parseDay("2025-10-31")?.toISOString()).toBe("2025-10-31T00:00:00.000Z");
    expect(parseDay("2024-02-29")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(parseDay("0050-01-01")?.getUTCFullYear()).toBe(50);
  });

  it("refuses days that do not exist or are not written YYYY-MM-DD", () => {
    for (const day of ["2025-02-29", "2025-02-30", "2025-13-01", "2025-00-10", "2025-04-31", "2025-1-01", "2025-10-01T00:00", "", "abc", " 2025-10-01"]) expect(parseDay(day), day).toBeNull();
  });

  it("adds days across months and years and counts days inclusively", () => {
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(daysBetween("2025-10-27", "2025-11-25")).toBe(30);
  });
});
