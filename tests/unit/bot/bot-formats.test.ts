import { describe, expect, it } from "vitest";
import { suspensionMark } from "@/bot/commands/balance-report";
import { escapeHtml } from "@/bot/format/escape-html";
import { fitLines, headingLine, itemLine, moreLine } from "@/bot/format/fit-lines";
import { money, moneyTotal, percentChange } from "@/bot/format/format-amounts";
import { formatDayRange, formatMonth } from "@/bot/format/format-days";

const plain = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, " ");

describe("bot formats", () => {
  it("formats roubles like the web, from exact decimal strings", () => {
    expect(plain(money("1234567.89", "ru"))).toBe("1 234 567,89 ₽");
    expect(plain(money("1234.5", "ru", null))).toBe("1 234,50 ₽");
    expect(plain(money("1234.5", "en"))).toBe("RUB 1,234.50");
  });

  it("sums amounts per currency, exactly", () => {
    expect(plain(moneyTotal([{ amount: "0.10", currency: "RUB" }, { amount: "0.20", currency: "RUB" }], "ru"))).toBe("0,30 ₽");
    expect(plain(moneyTotal([{ amount: "2", currency: "USD" }, { amount: "1.005", currency: "RUB" }, { amount: "3", currency: "USD" }], "en"))).toBe("RUB 1.01 + $5.00");
    expect(plain(moneyTotal([], "ru"))).toBe("0,00 ₽");
  });

  it("fits list lines into one message and counts the rest", () => {
    const more = (count: number) => `…and ${count} more`;
    const body = [headingLine("A:"), itemLine("a1"), moreLine("…and 5 more", 5), headingLine("B:"), itemLine("b".repeat(20))];
    // All of it fits: unchanged.
    const all = ["Title", "A:", "a1", "…and 5 more", "B:", "b".repeat(20), "Total"].join("\n");
    expect(all.length).toBe(53);
    expect(fitLines({ head: ["Title"], body, tail: ["Total"], more, limit: 53 })).toBe(all);
    // One character less: the long item goes, and with it the heading and the count left at the end (folded in).
    expect(fitLines({ head: ["Title"], body, tail: ["Total"], more, limit: 52 })).toBe(["Title", "A:", "a1", "…and 6 more", "Total"].join("\n"));
    // Room is kept for the "more" line at its longest, so the result is never over the limit.
    expect(fitLines({ head: ["Title"], body, more, limit: 25 })).toBe(["Title", "A:", "a1", "…and 6 more"].join("\n"));
    expect(fitLines({ head: ["Title"], body, more, limit: 21 })).toBe(["Title", "…and 7 more"].join("\n"));
  });

  it("shows a change with its direction", () => {
    expect(plain(percentChange("128.6", "ru"))).toBe("▲ +128,6 %");
    expect(plain(percentChange("-12.0", "en"))).toBe("▼ -12.0%");
    expect(plain(percentChange("0.0", "ru"))).toBe("→ 0,0 %");
  });

  it("writes day ranges and months in the chat's language", () => {
    expect(plain(formatDayRange("2025-10-01", "2025-10-15", "ru"))).toBe("1–15 окт. 2025 г.");
    expect(plain(formatDayRange("2025-09-28", "2025-10-04", "en"))).toBe("Sep 28 – Oct 4, 2025");
    expect(plain(formatDayRange("2025-10-15", "2025-10-15", "en"))).toBe("Oct 15, 2025");
    expect(plain(formatMonth("2025-10-15", "ru"))).toBe("октябрь 2025 г.");
    expect(plain(formatMonth("2025-09-30", "en"))).toBe("September 2025");
  });

  it("escapes user data for HTML messages", () => {
    expect(escapeHtml(`<b>A & B</b> "q"`)).toBe(`&lt;b&gt;A &amp; B&lt;/b&gt; "q"`);
  });

  it("marks suspension louder under 30, 14 and 7 days", () => {
    expect([null, 45, 30, 29, 14, 13, 7, 6, 0].map(suspensionMark)).toEqual(["", "", "", "⚠️ ", "⚠️ ", "❗ ", "❗ ", "🚨 ", "🚨 "]);
  });
});
