import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { exportCostExplorerCsv } from "@/server/services/costs/export-cost-explorer-csv";
import { exportDashboardCsv } from "@/server/services/dashboard/export-dashboard-csv";
import { truncateAllTables } from "../setup/worker-database";
import { MOSCOW, seedCostOrganization } from "./cost-fixtures";

let org: Awaited<ReturnType<typeof seedCostOrganization>>;

beforeAll(async () => {
  await truncateAllTables();
  org = await seedCostOrganization();
});

describe("cost explorer CSV", () => {
  it("has the table's columns and every row in the same order, a totals line, BOM, CRLF and RFC 4180 quoting", async () => {
    const csv = await exportCostExplorerCsv(db, org.organizationId, { range: { from: "2025-10-09", to: "2025-10-10" }, groupBy: "connection", granularity: "day" }, MOSCOW);
    expect(csv.filename).toBe("infrazen-costs-by-connection-day-2025-10-09-2025-10-10.csv");
    expect(csv.rowCount).toBe(2);
    expect(csv.content).toBe(
      "\uFEFFПодключение,2025-10-09,2025-10-10,Итого\r\n" +
        '"Selectel ""main"", prod",12.51,67.51,80.01\r\n' +
        "OpenStack lab,5.00,5.00,10.00\r\n" +
        "Итого по всем строкам,17.51,72.51,90.01\r\n",
    );
  });

  it("exports all rows, not only the first page, in the requested order", async () => {
    const csv = await exportCostExplorerCsv(db, org.organizationId, { range: { preset: "7d" }, groupBy: "service", granularity: "month", sort: { by: "label", direction: "asc" } }, MOSCOW);
    const lines = csv.content.slice(1).trimEnd().split("\r\n");
    expect(csv.rowCount).toBe(13);
    expect(lines[0]).toBe("Сервис,2025-10-09,Итого");
    expect(lines.slice(1, 4)).toEqual(["Compute,90.00,90.00", "S01,1.00,1.00", "S02,2.00,2.00"]);
    expect(lines.slice(-3)).toEqual(["Storage,15.03,15.03", "Без значения,0.01,0.01", "Итого по всем строкам,160.04,160.04"]);
  });

  it("names the tag column after the tag key", async () => {
    const csv = await exportCostExplorerCsv(db, org.organizationId, { range: { from: "2025-10-15", to: "2025-10-15" }, groupBy: "tag", tagKey: "env" }, MOSCOW);
    expect(csv.content).toBe("\uFEFFТег: env,2025-10-15,Итого\r\nprod,10.00,10.00\r\nБез значения,5.00,5.00\r\ndev,2.51,2.51\r\nИтого по всем строкам,17.51,17.51\r\n");
  });
});

describe("dashboard CSV", () => {
  it("has one line per day × connection × service, then the total", async () => {
    const csv = await exportDashboardCsv(db, org.organizationId, { range: { preset: "7d" } }, MOSCOW);
    expect(csv.filename).toBe("infrazen-costs-2025-10-09-2025-10-15.csv");
    // 6 charged days × (OpenStack Compute + Selectel Compute + Storage) + S01…S10 on the 10th + the service-less line on the 14th
    expect(csv.rowCount).toBe(29);
    const lines = csv.content.split("\r\n");
    expect(lines.slice(0, 4)).toEqual([
      "\uFEFFДата,Подключение,Провайдер,Сервис,Затраты",
      "2025-10-09,OpenStack lab,OpenStack,Compute,5.00",
      '2025-10-09,"Selectel ""main"", prod",Selectel,Compute,10.00',
      '2025-10-09,"Selectel ""main"", prod",Selectel,Storage,2.51',
    ]);
    expect(lines).toContain('2025-10-14,"Selectel ""main"", prod",Selectel,,0.01');
    expect(lines.slice(-2)).toEqual(["Итого по всем строкам,,,,160.04", ""]);
  });
});

describe("CSV labels in the reader's language", () => {
  it("writes English headers, the no-value group and the totals line for an English reader, with the same figures", async () => {
    const input = { range: { from: "2025-10-15", to: "2025-10-15" }, groupBy: "tag", tagKey: "env" };
    const csv = await exportCostExplorerCsv(db, org.organizationId, input, MOSCOW, "en");
    expect(csv.content).toBe("\uFEFFTag: env,2025-10-15,Total\r\nprod,10.00,10.00\r\nNo value,5.00,5.00\r\ndev,2.51,2.51\r\nTotal of all rows,17.51,17.51\r\n");
    const dashboard = await exportDashboardCsv(db, org.organizationId, { range: { preset: "7d" } }, MOSCOW, "en");
    const lines = dashboard.content.split("\r\n");
    expect(lines[0]).toBe("\uFEFFDate,Connection,Provider,Service,Cost");
    expect(lines.slice(-2)).toEqual(["Total of all rows,,,,160.04", ""]);
  });
});
