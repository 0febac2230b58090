import { describe, expect, it } from "vitest";
import { CALLBACK_DATA_MAX_BYTES, costCallbackData, parseCostCallback } from "@/bot/commands/cost-callback";

describe("cost button data", () => {
  it("round-trips a period with every connection or one", () => {
    expect(costCallbackData({ period: "month", connectionId: null })).toBe("cost:month:all");
    const id = "cmgrxv9c00004jg7dizw1t9ec";
    const data = costCallbackData({ period: "today", connectionId: id });
    expect(parseCostCallback(data)).toEqual({ period: "today", connectionId: id });
    expect(parseCostCallback("cost:week:all")).toEqual({ period: "week", connectionId: null });
  });

  it("fits Telegram's 64 bytes for the longest id it accepts", () => {
    const data = costCallbackData({ period: "month", connectionId: "x".repeat(48) });
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
    expect(parseCostCallback(data)).toEqual({ period: "month", connectionId: "x".repeat(48) });
  });

  it("rejects anything it would not produce", () => {
    for (const data of ["", "cost", "cost:year:all", "cost:month", "cost:month:", "cost:month:all:x", "cost:month:<script>", "cost:month:a b", `cost:month:${"x".repeat(49)}`, "lang:ru", "COST:month:all"]) {
      expect(parseCostCallback(data)).toBeNull();
    }
  });
});
