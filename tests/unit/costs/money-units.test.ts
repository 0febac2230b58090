import { describe, expect, it } from "vitest";
import { Prisma } from "@/server/db";
import { decimalOfUnits, formatMoney, formatUnits, unitsOf } from "@/server/services/costs/money";

// The explorer sums and formats its cells as bigint ten-thousandths: the figures must be exactly formatMoney's.
describe("money as ten-thousandths", () => {
  it("reads SQL amounts of any scale whose digits beyond the fourth decimal are zeros", () => {
    expect(unitsOf("123.4567")).toBe(1_234_567n);
    expect(unitsOf("-0.5")).toBe(-5_000n);
    expect(unitsOf("42")).toBe(420_000n);
    expect(unitsOf("1234.56780000000000000000")).toBe(12_345_678n);
    expect(unitsOf("-0.0000")).toBe(0n);
    expect(unitsOf("92233720368547.7580")).toBe(922_337_203_685_477_580n);
  });

  it("refuses what it would have to round or cannot read", () => {
    expect(() => unitsOf("1.00001")).toThrow(/More than 4 decimals/);
    expect(() => unitsOf("1e5")).toThrow(/Not an amount/);
    expect(() => unitsOf("")).toThrow(/Not an amount/);
    expect(() => unitsOf("12,50")).toThrow(/Not an amount/);
  });

  it("formats kopecks half away from zero exactly as formatMoney, signs included", () => {
    // Half-way cases of both signs, and amounts beyond what a double holds exactly (2^53 ten-thousandths).
    const amounts = ["0", "0.0049", "0.005", "-0.005", "-0.001", "-0.0049", "12.3450", "-12.3449", "-1.005", "109951162.7775", "109951162.7776", "-109951162.7775", "-109951162.7776", "999999999.9950", "1234567890123456.7895", "-7"];
    for (const amount of amounts) expect(formatUnits(unitsOf(amount)), amount).toBe(formatMoney(new Prisma.Decimal(amount)));
    // And a spread of amounts of every size and both signs (a fixed linear congruential sequence).
    let seed = 12_345n;
    for (let index = 0; index < 2_000; index += 1) {
      seed = (seed * 6_364_136_223_846_793_005n + 1_442_695_040_888_963_407n) % 2n ** 64n;
      const units = (seed % 10n ** BigInt(1 + (index % 18))) * (index % 2 ? -1n : 1n);
      const text = `${units < 0n ? "-" : ""}${(units < 0n ? -units : units) / 10_000n}.${String((units < 0n ? -units : units) % 10_000n).padStart(4, "0")}`;
      expect(formatUnits(units), text).toBe(formatMoney(new Prisma.Decimal(text)));
    }
  });

  it("converts back to a Decimal without loss", () => {
    expect(decimalOfUnits(unitsOf("-98765432101.2345")).toFixed(4)).toBe("-98765432101.2345");
  });
});
