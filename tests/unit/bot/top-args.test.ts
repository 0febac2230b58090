import { describe, expect, it } from "vitest";
import { parseTopCount } from "@/bot/commands/top-args";

describe("parseTopCount", () => {
  it("defaults to 10 and caps at 25", () => {
    expect(parseTopCount("")).toBe(10);
    expect(parseTopCount(" 3 ")).toBe(3);
    expect(parseTopCount("25")).toBe(25);
    expect(parseTopCount("26")).toBe(25);
    expect(parseTopCount("999999")).toBe(25);
  });

  it("refuses what is not a positive whole number", () => {
    for (const raw of ["0", "-5", "2.5", "ten", "5 6", "1e3", "9999999"]) expect(parseTopCount(raw)).toBeNull();
  });
});
