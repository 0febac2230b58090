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
    const amounts = ["0", "0.0049", "0.005", "-0.005", "-0.001", "-0.0049", "12.3450", "-12.3449", "-1.005", "999999999.9950", "1234567890123456.7895", "-7"];
    for (const amount of amounts) expect(formatUnits(unitsOf(amount)), amount).toBe(formatMoney(new Prisma.Decimal(amount)));
  });

  it("converts back to a Decimal without loss", () => {
    expect(decimalOfUnits(unitsOf("-98765432101.2345")).toFixed(4)).toBe("-98765432101.2345");
  });
});
