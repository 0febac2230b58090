import { describe, expect, it } from "vitest";
import { formatMoney } from "@/app/_i18n/format";
import { en } from "@/server/i18n/en";
import { ru } from "@/server/i18n/ru";
import { t, toLocale, translate } from "@/server/i18n";

function keys(node: object, prefix = ""): string[] {
  return Object.entries(node).flatMap(([key, value]) => (typeof value === "string" ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`)));
}

function placeholders(messages: object): Record<string, string[]> {
  return Object.fromEntries(keys(messages).map((key) => [key, (translate(messages as typeof ru, key).match(/\{\w+\}/g) ?? []).sort()]));
}

describe("translations", () => {
  it("have the same keys and the same placeholders in Russian and English", () => {
    expect(keys(en).sort()).toEqual(keys(ru).sort());
    expect(placeholders(en)).toEqual(placeholders(ru));
  });

  it("interpolate parameters and default to Russian", () => {
    expect(t("ru", "auth.errors.rateLimited", { minutes: 15 })).toBe("Слишком много попыток входа. Повторите через 15 мин.");
    expect(t("en", "comingSoon.title", { section: "Budgets" })).toBe("Budgets is coming soon");
    expect(toLocale("de")).toBe("ru");
  });
});

describe("money formatting", () => {
  it("shows roubles the Russian way and keeps every kopeck of a decimal string", () => {
    expect(formatMoney("1234567.89", "RUB", "ru").replace(/\s/g, " ")).toBe("1 234 567,89 ₽");
    expect(formatMoney("1234567.89", "RUB", "en").replace(/\s/g, " ")).toBe("RUB 1,234,567.89");
    // Beyond float precision: 2^53 + 1 roubles still prints exactly.
    expect(formatMoney("9007199254740993.01", "RUB", "ru").replace(/\s/g, " ")).toBe("9 007 199 254 740 993,01 ₽");
    expect(formatMoney("0.005", "RUB", "ru").replace(/\s/g, " ")).toBe("0,01 ₽");
  });
});
