import fs from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { DashboardPage } from "./pages/dashboard-page";
import { addDays, logInAsDemo, parseCsv, plain, rub, trpcData } from "./support/demo";

const SCREENSHOTS = "tests/.artifacts/screenshots";

type Totals = { totals: { total: string }; pagination: { totalRows: number } };
type Connection = { id: string; name: string; providerId: string };

/** The period's spend as the cost explorer computes it: a different procedure over the same cost records. */
async function spend(page: Parameters<typeof trpcData>[0], from: string, to: string): Promise<string> {
  const result = await trpcData<Totals>(page, "costExplorer.query", { range: { from, to }, groupBy: "provider", pageSize: 1 });
  return result.totals.total;
}

test("demo dashboard: KPIs match the cost data, the period lives in the URL, refresh and export work", async ({ page }) => {
  await logInAsDemo(page);
  const dashboard = new DashboardPage(page);
  const period = await dashboard.period();
  expect(addDays(period.from, 29)).toBe(period.to);

  const [total, previous, monthToDate, summary, connections] = await Promise.all([
    spend(page, period.from, period.to),
    spend(page, addDays(period.from, -30), addDays(period.from, -1)),
    // Month to date is the calendar month of "today", which is where a preset period ends.
    spend(page, `${period.to.slice(0, 8)}01`, period.to),
    trpcData<{ total: number }>(page, "resource.summary"),
    trpcData<Connection[]>(page, "connection.list"),
  ]);
  expect(Number(total)).toBeGreaterThan(0);
  const text = async (id: Parameters<DashboardPage["kpiValue"]>[0]) => plain(await dashboard.kpiValue(id).innerText());
  expect(await text("total-spend")).toBe(plain(rub(total)));
  expect(await text("month-to-date")).toBe(plain(rub(monthToDate)));
  expect(await text("savings")).toBe(plain(rub("0")));
  await expect(dashboard.kpi("savings")).toContainText("Рекомендаций пока нет");
  expect(await text("active-resources")).toBe(String(summary.total));
  expect(await text("providers")).toBe(String(new Set(connections.map((connection) => connection.providerId)).size));
  await expect(dashboard.kpi("providers")).toContainText(`подключений: ${connections.length}`);
  if (Number(previous) > 0) {
    expect(plain(await page.getByTestId("kpi-previous").innerText())).toContain(plain(rub(previous)));
    const change = (Number(total) - Number(previous)) / Number(previous);
    await expect(page.getByTestId("kpi-change")).toContainText(change > 0 ? "больше" : change < 0 ? "меньше" : "без изменений");
  } else {
    await expect(page.getByTestId("kpi-previous")).toHaveText("За предыдущий период затрат нет");
  }

  // Every connection has a health row linking to it, and the charts are drawn.
  const health = page.getByTestId("health-row");
  await expect(health).toHaveCount(connections.length);
  for (const connection of connections) await expect(health.filter({ hasText: connection.name }).getByTestId("health-link")).toHaveAttribute("href", `/ru/connections/${connection.id}`);
  await expect(page.getByTestId("spend-trend").locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByTestId("spend-by-service").locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByTestId("top-resource-row").first()).toBeVisible();
  await expectUtilizationFromMetrics(page);
  await page.screenshot({ path: `${SCREENSHOTS}/dashboard.png`, fullPage: true });

  // Inventory: the search gives what the resource list procedure gives for the same search.
  const inventoryNames = () => page.getByTestId("inventory-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-name") ?? ""));
  const allNames = await inventoryNames();
  const search = allNames.at(-1) ?? "";
  expect(search).toBeTruthy();
  await page.getByTestId("inventory-search").fill(search);
  await page.getByTestId("inventory-search").press("Enter");
  const matching = await trpcData<{ groups: { items: { name: string }[] }[] }>(page, "resource.list", { search, page: 1, pageSize: 8 });
  const expectedNames = matching.groups.flatMap((group) => group.items.map((item) => item.name));
  expect(expectedNames).toContain(search);
  await expect.poll(inventoryNames).toEqual(expectedNames);

  // A shorter period: the URL, the period line and the KPI change together, without a page load.
  await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));
  await dashboard.pickPreset("7d");
  await expect(page).toHaveURL(/\/ru\/dashboard\?range=7d$/);
  await expect(dashboard.periodLabel).toHaveAttribute("data-from", addDays(period.to, -6));
  const week = await spend(page, addDays(period.to, -6), period.to);
  await expect.poll(() => text("total-spend")).toBe(plain(rub(week)));
  expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);

  // Reloading the URL restores the period.
  await page.reload();
  await expect(page.getByTestId("range-7d")).toHaveAttribute("aria-pressed", "true");
  expect(await text("total-spend")).toBe(plain(rub(week)));

  // Refresh refetches in place and shows its progress while it runs.
  const refreshed = page.waitForResponse((response) => response.url().includes("dashboard.overview"));
  await page.getByTestId("dashboard-refresh").click();
  expect((await refreshed).status()).toBe(200);
  await expect(page.getByTestId("dashboard-refresh")).toBeEnabled();
  expect(await text("total-spend")).toBe(plain(rub(week)));

  // Export downloads the period's CSV, whose totals line is the period's spend.
  const download = page.waitForEvent("download");
  await page.getByTestId("dashboard-export").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const rows = parseCsv(await fs.readFile(await file.path(), "utf8")).filter((row) => row.some(Boolean));
  expect(rows[0]).toEqual(["Дата", "Подключение", "Провайдер", "Сервис", "Затраты"]);
  expect(rows.length).toBeGreaterThan(1);
  expect(rows.at(-1)?.[0]).toBe("Итого по всем строкам");
  expect(rows.at(-1)?.at(-1)).toBe(week);

  // A reversed custom range shows the server's explanation.
  await dashboard.pickCustom(period.to, period.from);
  await expect(page.getByTestId("dashboard-error")).toContainText("позже его конца");
});

type Utilization = {
  used: { cpuPercent: number | null; ramPercent: number | null; storagePercent: number | null; networkGb: number | null; cpu: { busyVcpus: number; vcpus: number } | null; ram: { usedGb: number; ramGb: number } | null } | null;
  resourcesWithMetrics: number;
};
type UsageSummary = { points: unknown[]; summary: { cpu: { average: number } | null; ram: { average: number } | null } };
type ServerList = { groups: { items: { id: string; kind: string; specs: { vcpus: number | null; ramMb: number | null } }[]; usage: Record<string, unknown> }[] };

/**
 * The demo's syncs collected CPU and memory from the sandboxes' Gnocchi: the card shows the used percentages of the
 * period, and they are the mean over servers of each server's own average weighted by its vCPU (CPU) or RAM
 * (memory), which resource.usage reads from the same rows (each rounded to 0.1, hence the tolerance). Storage and
 * network have no source and say so.
 */
async function expectUtilizationFromMetrics(page: Parameters<typeof trpcData>[0]) {
  const { utilization } = await trpcData<{ utilization: Utilization }>(page, "dashboard.overview", { range: { preset: "30d" } });
  expect(utilization.used).not.toBeNull();
  const used = utilization.used!;
  const servers = await trpcData<ServerList>(page, "resource.list", { type: "server", page: 1, pageSize: 100 });
  const withMetrics = servers.groups.flatMap((group) => group.items.filter((item) => item.kind === "resource" && group.usage[item.id]));
  expect(utilization.resourcesWithMetrics).toBe(withMetrics.length);
  const perServer = await Promise.all(withMetrics.map((item) => trpcData<UsageSummary>(page, "resource.usage", { id: item.id, range: "30d" })));
  const weightedMean = (values: number[], weights: number[]) => values.reduce((sum, value, index) => sum + value * weights[index]!, 0) / weights.reduce((sum, weight) => sum + weight, 0);
  const vcpus = withMetrics.map((item) => item.specs.vcpus ?? 1);
  const ramGb = withMetrics.map((item) => (item.specs.ramMb === null ? 1 : item.specs.ramMb / 1024));
  expect(Math.abs(used.cpuPercent! - weightedMean(perServer.map((usage) => usage.summary.cpu!.average), vcpus))).toBeLessThanOrEqual(0.15);
  expect(Math.abs(used.ramPercent! - weightedMean(perServer.map((usage) => usage.summary.ram!.average), ramGb))).toBeLessThanOrEqual(0.15);
  expect(used.cpu!.vcpus).toBe(vcpus.reduce((sum, value) => sum + value, 0));
  expect(used.storagePercent).toBeNull();
  expect(used.networkGb).toBeNull();

  const card = page.getByTestId("utilization");
  await expect(card.getByTestId("utilization-used")).toBeVisible();
  await expect(card.getByTestId("utilization-no-metrics")).toHaveCount(0);
  const percent = (value: number) => `${new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 }).format(value)}%`;
  await expect(card.getByTestId("used-cpu")).toHaveText(percent(used.cpuPercent!));
  await expect(card.getByTestId("used-ramUsed")).toHaveText(percent(used.ramPercent!));
  const number = (value: number) => new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 }).format(value);
  await expect(card.getByTestId("used-cpu-share")).toHaveText(`≈ ${number(used.cpu!.busyVcpus)} из ${number(used.cpu!.vcpus)} vCPU заняты (взвешено по vCPU)`);
  await expect(card.getByTestId("used-storageUsed")).toHaveText("нет данных");
  await expect(card.getByTestId("used-network")).toHaveText("нет данных");
  await expect(card).toContainText(`Ресурсов с метриками: ${withMetrics.length}`);
}

test("demo resources: open a provider section, filter by type, open a resource", async ({ page }) => {
  await logInAsDemo(page);
  const connections = await trpcData<Connection[]>(page, "connection.list");
  await page.getByTestId("sidebar").getByRole("link", { name: "Подключения" }).click();
  await expect(page.getByTestId("connection-card")).toHaveCount(connections.length);
  await page.screenshot({ path: `${SCREENSHOTS}/connections.png`, fullPage: true });

  await page.getByTestId("sidebar").getByRole("link", { name: "Ресурсы" }).click();
  await expect(page).toHaveURL(/\/ru\/resources$/);
  const [connection] = connections;
  if (!connection) throw new Error("the demo organization has no connection");
  const section = page.getByTestId("resource-section").filter({ has: page.getByTestId("resource-section-name").getByText(connection.name, { exact: true }) });
  // Sections are collapsible: closing hides the cards, opening shows them again.
  await section.getByTestId("resource-section-header").click();
  await expect(section.getByTestId("resource-card").first()).toBeHidden();
  await section.getByTestId("resource-section-header").click();
  await expect(section.getByTestId("resource-card").first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/resources.png`, fullPage: true });

  const type = page.getByTestId("filter-type");
  const option = type.locator("option").nth(1);
  const [value, label] = [await option.getAttribute("value"), (await option.textContent()) ?? ""];
  await type.selectOption(value ?? "");
  await expect(page).toHaveURL(new RegExp(`\\?type=${value}$`));
  const cards = page.getByTestId("resource-card");
  await expect(cards.first()).toBeVisible();
  for (const card of await cards.all()) await expect(card).toContainText(label);

  const link = page.getByTestId("resource-link").first();
  const name = (await link.textContent()) ?? "";
  await link.click();
  await expect(page).toHaveURL(/\/ru\/resources\/[^/?]+$/);
  await expect(page.getByTestId("resource-title")).toHaveText(name);
});
