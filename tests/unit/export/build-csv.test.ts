import { describe, expect, it } from "vitest";
import { buildCsv, csvField } from "@/server/services/export/build-csv";

describe("buildCsv", () => {
  it("disarms text a spreadsheet would run as a formula but leaves amounts, credits included, as numbers", () => {
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField("+7 900")).toBe("'+7 900");
    expect(csvField("@cmd")).toBe("'@cmd");
    expect(csvField("-rm")).toBe("'-rm");
    expect(csvField("-12.50")).toBe("-12.50");
    expect(csvField("1234.56")).toBe("1234.56");
  });

  it("quotes commas, quotes and line breaks, writes nothing for missing cells, and frames the file with a BOM and CRLF", () => {
    expect(buildCsv(["name", "cost"], [['db "main", prod', "10.00"], [null, "-1.00"]])).toBe('\uFEFFname,cost\r\n"db ""main"", prod",10.00\r\n,-1.00\r\n');
  });
});
